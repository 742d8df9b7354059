import type { GreyImage } from './grey-image';

/**
 * Surrounds the image with a `border`-pixel frame of grey `level` (0–255). Gives a
 * code cut out of a larger image the light margin jsqr's finder search needs, as
 * the page around it gives it to a phone camera.
 */
export function padImage(image: GreyImage, border: number, level: number): GreyImage {
  const width = image.width + 2 * border;
  const height = image.height + 2 * border;
  const out = new Uint8ClampedArray(width * height).fill(level);
  for (let y = 0; y < image.height; y++) {
    const from = y * image.width;
    out.set(image.data.subarray(from, from + image.width), (y + border) * width + border);
  }
  return { data: out, width, height };
}
