import type { QrAttemptName } from './decode-result';

/*
 * The order of whole-image attempts, decided from the image size alone. Each step
 * exists because a kind of image only decodes that way (see docs/qr-decoding.md):
 *
 * - Large images are shrunk to 1000 px first: jsqr's run time grows with pixels and
 *   with clutter (a busy 2880×1800 screenshot took seconds), and most codes on a
 *   screen survive that. Then at most 2000 px, for small codes that 1000 px loses.
 * - Small images are enlarged: ×2 bilinear reads 1.5–2 px modules and fractional
 *   module sizes whose finder runs are too short at the original size; ×2 and ×4
 *   nearest keep hard edges for crisp 1 px modules. The original goes first,
 *   because enlarging breaks some small inverted codes that read as they are.
 * - An image with transparency is also tried over black: light modules on a clear
 *   background (drawn for a dark page) vanish when flattened onto white.
 */

/** One whole-image attempt: the background the image is flattened onto and the scale it is read at. */
export interface WholeImageAttempt {
  name: QrAttemptName;
  background: 'white' | 'black';
  /** Size read over the size passed in (1 = as is). */
  scale: number;
  resample: 'none' | 'area' | 'bilinear' | 'nearest';
  /** Size of the image jsqr reads, px. */
  width: number;
  height: number;
}

/** Above this size (longest side, px) an image is first read shrunk to it. */
export const FIRST_LOOK_SIDE = 1000;
/** No attempt reads an image larger than this (longest side, px). */
export const MAX_SCAN_SIDE = 2000;
/**
 * Only images up to this size (longest side, px) are read ×4: the step is for
 * codes drawn with 1 px modules, which are small images. On a larger cluttered
 * image the ×4 view costs seconds for nothing; small codes inside larger images
 * are cut out and enlarged instead.
 */
export const MAX_4X_SIDE = 250;

/**
 * The whole-image attempts for an image of `width`×`height`, in order.
 * `hasTransparency` adds the attempt over black.
 */
export function planWholeImageAttempts(width: number, height: number, hasTransparency: boolean): WholeImageAttempt[] {
  const longest = Math.max(width, height);
  const at = (name: QrAttemptName, scale: number, resample: WholeImageAttempt['resample'], background: 'white' | 'black' = 'white'): WholeImageAttempt => ({
    name,
    background,
    scale,
    resample,
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  });
  const plan: WholeImageAttempt[] = [];
  if (longest > FIRST_LOOK_SIDE) {
    plan.push(at('shrink-1000', FIRST_LOOK_SIDE / longest, 'area'));
    plan.push(longest > MAX_SCAN_SIDE ? at('shrink-2000', MAX_SCAN_SIDE / longest, 'area') : at('as-is', 1, 'none'));
  } else {
    plan.push(at('as-is', 1, 'none'));
  }
  if (hasTransparency) {
    const primary = longest > MAX_SCAN_SIDE ? at('on-black', MAX_SCAN_SIDE / longest, 'area', 'black') : at('on-black', 1, 'none', 'black');
    plan.splice(1, 0, primary);
  }
  if (longest * 2 <= MAX_SCAN_SIDE) {
    plan.push(at('enlarge-2x-bilinear', 2, 'bilinear'));
    plan.push(at('enlarge-2x-nearest', 2, 'nearest'));
  }
  if (longest <= MAX_4X_SIDE) plan.push(at('enlarge-4x-nearest', 4, 'nearest'));
  return plan;
}
