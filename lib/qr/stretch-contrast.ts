import type { GreyImage } from './grey-image';

/**
 * Share of pixels at each end of the histogram ignored when finding the darkest
 * and lightest levels, so a few stray pixels (JPEG ringing, a speck of text) do
 * not pin the range.
 */
const OUTLIER_SHARE = 0.0005;

/**
 * Stretches the grey levels so the darkest pixels become 0 and the lightest 255.
 *
 * Why: jsqr's binariser treats an 8×8 block with little variation as background
 * and whitens it when its level is above half the neighbouring threshold. A code
 * whose dark colour is light (orange #f29900 on white, mid-grey on light grey) has
 * solid dark blocks in its finder patterns that get whitened that way, so the code
 * is never located. Stretched, the dark colour is near 0 and the rule no longer
 * fires.
 */
export function stretchContrast(image: GreyImage): GreyImage {
  const src = image.data;
  const histogram = new Uint32Array(256);
  for (let p = 0; p < src.length; p++) {
    const level = src[p] ?? 0;
    histogram[level] = (histogram[level] ?? 0) + 1;
  }
  const cutoff = Math.floor(src.length * OUTLIER_SHARE);
  let lo = 0;
  for (let seen = 0; lo < 255; lo++) {
    seen += histogram[lo] ?? 0;
    if (seen > cutoff) break;
  }
  let hi = 255;
  for (let seen = 0; hi > 0; hi--) {
    seen += histogram[hi] ?? 0;
    if (seen > cutoff) break;
  }
  // A flat image has nothing to stretch; it is returned as it is.
  if (hi <= lo) return { data: src.slice(), width: image.width, height: image.height };
  const lookup = new Uint8ClampedArray(256);
  for (let level = 0; level < 256; level++) lookup[level] = ((level - lo) * 255) / (hi - lo);
  const out = new Uint8ClampedArray(src.length);
  for (let p = 0; p < src.length; p++) out[p] = lookup[src[p] ?? 0] ?? 0;
  return { data: out, width: image.width, height: image.height };
}
