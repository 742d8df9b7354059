import type { GreyImage } from './grey-image';

/**
 * Enlarges by a whole `factor`, each pixel becoming a factor×factor block. Keeps
 * module edges hard, which helps jsqr on crisp 1–2 px modules whose finder
 * patterns are too thin for its 1:1:3:1:1 run check at the original size.
 */
export function scaleNearest(image: GreyImage, factor: number): GreyImage {
  const { width, height, data } = image;
  const outWidth = width * factor;
  const out = new Uint8ClampedArray(outWidth * height * factor);
  for (let y = 0; y < height; y++) {
    const rowStart = y * factor * outWidth;
    for (let x = 0; x < width; x++) out.fill(data[y * width + x] ?? 0, rowStart + x * factor, rowStart + (x + 1) * factor);
    // The block row's other factor−1 rows are copies of its first.
    for (let k = 1; k < factor; k++) out.copyWithin(rowStart + k * outWidth, rowStart, rowStart + outWidth);
  }
  return { data: out, width: outWidth, height: height * factor };
}
