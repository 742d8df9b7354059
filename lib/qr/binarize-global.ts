import type { GreyImage } from './grey-image';

/** A black-and-white image: one byte per pixel, 1 = dark, 0 = light. */
export interface Bitmap {
  dark: Uint8Array;
  width: number;
  height: number;
}

/** Below this luminance range (0–255) there is nothing a QR reader could binarise. */
export const MIN_CONTRAST = 24;

/**
 * Thresholds at the midpoint between the darkest and lightest luminance. Cruder
 * than jsqr's local binariser, which is fine for what it feeds: the finder-pattern
 * hints (cheap evidence that a code is present), not decoding.
 * Returns null when the image is too flat to hold a code.
 */
export function binarizeGlobal(image: GreyImage): Bitmap | null {
  const { width, height, data } = image;
  let lo = 255;
  let hi = 0;
  for (let p = 0; p < data.length; p++) {
    const level = data[p] ?? 0;
    if (level < lo) lo = level;
    if (level > hi) hi = level;
  }
  if (hi - lo < MIN_CONTRAST) return null;
  const threshold = (lo + hi) / 2;
  const dark = new Uint8Array(width * height);
  for (let p = 0; p < data.length; p++) dark[p] = (data[p] ?? 0) < threshold ? 1 : 0;
  return { dark, width, height };
}
