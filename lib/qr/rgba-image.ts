import { InvalidImageError } from './errors';

/**
 * An image as RGBA bytes, row by row from the top left, 4 bytes per pixel, no
 * padding between rows: exactly what a canvas's `getImageData()` returns, and what
 * jsqr reads. Width and height are in pixels. (Checked by {@link checkRgbaImage}
 * with plain code, not zod: the page scanners use it and must stay small.)
 */
export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Largest side accepted, in pixels: browsers' own canvas limit is 32767. */
export const MAX_IMAGE_SIDE = 32_767;

/**
 * Checks that `image` is a well-formed RGBA buffer and returns it typed.
 * Throws {@link InvalidImageError} naming the field at fault.
 */
export function checkRgbaImage(image: unknown): RgbaImage {
  const candidate = (typeof image === 'object' && image !== null ? image : {}) as Partial<Record<keyof RgbaImage, unknown>>;
  const { data, width, height } = candidate;
  if (!(data instanceof Uint8ClampedArray)) {
    throw new InvalidImageError('data', 'The image data must be a Uint8ClampedArray of RGBA bytes (as from getImageData()).');
  }
  for (const [named, side] of [['width', width], ['height', height]] as const) {
    if (typeof side !== 'number' || !Number.isInteger(side) || side <= 0) {
      throw new InvalidImageError(named, `The image ${named} must be a positive whole number of pixels.`);
    }
  }
  const w = width as number;
  const h = height as number;
  if (w > MAX_IMAGE_SIDE || h > MAX_IMAGE_SIDE) {
    throw new InvalidImageError(w > MAX_IMAGE_SIDE ? 'width' : 'height', `The image is larger than ${MAX_IMAGE_SIDE} px on a side (${w}×${h}).`);
  }
  if (data.length !== w * h * 4) {
    throw new InvalidImageError('data', `The image data holds ${data.length} bytes but ${w}×${h} RGBA needs ${w * h * 4}.`);
  }
  return { data, width: w, height: h };
}

/** A new image of the given size, every byte 0 (transparent black). */
export function blankImage(width: number, height: number): RgbaImage {
  return { data: new Uint8ClampedArray(width * height * 4), width, height };
}
