import { z } from 'zod';
import { InvalidImageError } from './errors';

/**
 * An image as RGBA bytes, row by row from the top left, 4 bytes per pixel, no
 * padding between rows: exactly what a canvas's `getImageData()` returns, and what
 * jsqr reads. Width and height are in pixels.
 */
export const RgbaImage = z.object({
  // z.custom rather than z.instanceof keeps the type open to any backing buffer.
  data: z.custom<Uint8ClampedArray>((value) => value instanceof Uint8ClampedArray),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type RgbaImage = z.infer<typeof RgbaImage>;

/** Largest side accepted, in pixels: browsers' own canvas limit is 32767. */
export const MAX_IMAGE_SIDE = 32_767;

/**
 * Checks that `image` is a well-formed RGBA buffer and returns it typed.
 * Throws {@link InvalidImageError} naming the field at fault.
 */
export function checkRgbaImage(image: unknown): RgbaImage {
  const parsed = RgbaImage.safeParse(image);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    const named = field === 'width' || field === 'height' ? field : 'data';
    const message =
      named === 'data'
        ? 'The image data must be a Uint8ClampedArray of RGBA bytes (as from getImageData()).'
        : `The image ${named} must be a positive whole number of pixels.`;
    throw new InvalidImageError(named, message, { cause: parsed.error });
  }
  const { width, height, data } = parsed.data;
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    throw new InvalidImageError(width > MAX_IMAGE_SIDE ? 'width' : 'height', `The image is larger than ${MAX_IMAGE_SIDE} px on a side (${width}×${height}).`);
  }
  if (data.length !== width * height * 4) {
    throw new InvalidImageError(
      'data',
      `The image data holds ${data.length} bytes but ${width}×${height} RGBA needs ${width * height * 4}.`,
    );
  }
  return parsed.data;
}

/** A new image of the given size, every byte 0 (transparent black). */
export function blankImage(width: number, height: number): RgbaImage {
  return { data: new Uint8ClampedArray(width * height * 4), width, height };
}
