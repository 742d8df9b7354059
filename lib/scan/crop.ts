import type { RgbaImage } from '../qr/rgba-image';
import type { ScanRect } from './scan-report';

/** Margin around a region cut out of a screenshot, CSS px: keeps a code's quiet zone. */
export const REGION_MARGIN_CSS_PX = 8;

/** A rectangle in whole device pixels of an image. */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where a region of the viewport lies in a screenshot of it, in the screenshot's
 * own pixels. The scale is the screenshot's width over the viewport's CSS width —
 * the device pixel ratio with zoom included — so a high-DPI screenshot gives the
 * region at full resolution. A margin of {@link REGION_MARGIN_CSS_PX} is added and
 * the box clipped to the image; `null` when nothing of the region is on it.
 */
export function regionInScreenshot(rect: ScanRect, viewportWidth: number, image: { width: number; height: number }): PixelBox | null {
  const scale = image.width / viewportWidth;
  const left = Math.max(0, Math.floor((rect.x - REGION_MARGIN_CSS_PX) * scale));
  const top = Math.max(0, Math.floor((rect.y - REGION_MARGIN_CSS_PX) * scale));
  const right = Math.min(image.width, Math.ceil((rect.x + rect.width + REGION_MARGIN_CSS_PX) * scale));
  const bottom = Math.min(image.height, Math.ceil((rect.y + rect.height + REGION_MARGIN_CSS_PX) * scale));
  if (right - left < 1 || bottom - top < 1) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** A copy of part of an image (the box must lie inside it). */
export function cropImage(image: RgbaImage, box: PixelBox): RgbaImage {
  const data = new Uint8ClampedArray(box.width * box.height * 4);
  for (let row = 0; row < box.height; row++) {
    const from = ((box.y + row) * image.width + box.x) * 4;
    data.set(image.data.subarray(from, from + box.width * 4), row * box.width * 4);
  }
  return { data, width: box.width, height: box.height };
}
