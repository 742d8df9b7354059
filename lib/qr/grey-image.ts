import type { RgbaImage } from './rgba-image';

/**
 * A grey image, one byte of luminance per pixel, row by row. The decoder works in
 * grey throughout because jsqr reads nothing but luminance: a quarter of the
 * bytes to resample, and the RGBA copy jsqr wants is made only for each read.
 * An internal working buffer, never stored or sent.
 */
export interface GreyImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Grey levels of the two backgrounds the decoder flattens onto. */
export const WHITE = 255;
export const BLACK = 0;

/**
 * Composites the image over an opaque grey `background` (0–255) and converts it
 * to luminance with jsqr's own weights (Rec. 709: 0.2126 R + 0.7152 G + 0.0722 B).
 *
 * Flattening is needed because jsqr ignores alpha: a transparent pixel whose
 * hidden colour is black (the usual encoding of "nothing") reads as black, so a
 * code on a transparent background becomes solid black.
 */
export function toGrey(image: RgbaImage, background: number): GreyImage {
  const src = image.data;
  const out = new Uint8ClampedArray(image.width * image.height);
  for (let p = 0, i = 0; p < out.length; p++, i += 4) {
    const level = 0.2126 * (src[i] ?? 0) + 0.7152 * (src[i + 1] ?? 0) + 0.0722 * (src[i + 2] ?? 0);
    const alpha = src[i + 3] ?? 255;
    out[p] = alpha === 255 ? level : (level * alpha + background * (255 - alpha)) / 255;
  }
  return { data: out, width: image.width, height: image.height };
}

/**
 * The share of pixels (0–1) that are not fully opaque, looking at every
 * `stride`-th pixel (default 1 = all).
 */
export function transparentShare(image: RgbaImage, stride = 1): number {
  const data = image.data;
  let seen = 0;
  let transparent = 0;
  for (let i = 3; i < data.length; i += 4 * stride) {
    seen++;
    if ((data[i] ?? 255) < 255) transparent++;
  }
  return seen === 0 ? 0 : transparent / seen;
}

/** The RGBA buffer jsqr reads: each grey level copied to R, G and B, alpha 255. */
export function greyToRgba(image: GreyImage): RgbaImage {
  const out = new Uint8ClampedArray(image.width * image.height * 4);
  const out32 = new Uint32Array(out.buffer);
  // Little- or big-endian, a word with all four bytes equal to v is v * 0x01010101,
  // then alpha is forced to 255 byte-wise below only if needed.
  const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  const alpha = littleEndian ? 0xff000000 : 0x000000ff;
  const colour = littleEndian ? 0x00ffffff : 0xffffff00;
  for (let p = 0; p < out32.length; p++) {
    out32[p] = (((image.data[p] ?? 0) * 0x01010101) & colour) | alpha;
  }
  return { data: out, width: image.width, height: image.height };
}

/** A copy of the rectangle at (x, y) of the given size (which must lie inside the image). */
export function cropGrey(image: GreyImage, box: { x: number; y: number; width: number; height: number }): GreyImage {
  const out = new Uint8ClampedArray(box.width * box.height);
  for (let y = 0; y < box.height; y++) {
    const from = (box.y + y) * image.width + box.x;
    out.set(image.data.subarray(from, from + box.width), y * box.width);
  }
  return { data: out, width: box.width, height: box.height };
}

/**
 * Flattens onto `background` and shrinks by a whole `factor` in one pass: each
 * output pixel is the mean grey of a factor×factor block (partial blocks at the
 * right and bottom edges average what they cover). For very large images this
 * halves the work of `toGrey` followed by a shrink, and never holds a full-size
 * grey copy.
 */
export function toGreyShrunk(image: RgbaImage, background: number, factor: number): GreyImage {
  if (factor <= 1) return toGrey(image, background);
  const width = Math.ceil(image.width / factor);
  const height = Math.ceil(image.height / factor);
  const sums = new Float64Array(width);
  const counts = new Uint32Array(width);
  const out = new Uint8ClampedArray(width * height);
  const src = image.data;
  for (let oy = 0; oy < height; oy++) {
    sums.fill(0);
    counts.fill(0);
    const yEnd = Math.min(image.height, (oy + 1) * factor);
    for (let y = oy * factor; y < yEnd; y++) {
      let i = y * image.width * 4;
      for (let x = 0; x < image.width; x++, i += 4) {
        const level = 0.2126 * (src[i] ?? 0) + 0.7152 * (src[i + 1] ?? 0) + 0.0722 * (src[i + 2] ?? 0);
        const alpha = src[i + 3] ?? 255;
        const ox = (x / factor) | 0;
        sums[ox] = (sums[ox] ?? 0) + (alpha === 255 ? level : (level * alpha + background * (255 - alpha)) / 255);
        counts[ox] = (counts[ox] ?? 0) + 1;
      }
    }
    for (let ox = 0; ox < width; ox++) out[oy * width + ox] = (sums[ox] ?? 0) / (counts[ox] || 1);
  }
  return { data: out, width, height };
}
