import { describe, expect, it } from 'vitest';
import { cropImage, REGION_MARGIN_CSS_PX, regionInScreenshot } from '../../../lib/scan/crop';
import type { RgbaImage } from '../../../lib/qr/rgba-image';

describe('regionInScreenshot', () => {
  it.each([
    // [rect (CSS px), viewport width, screenshot size, box]
    [{ x: 100, y: 50, width: 200, height: 100 }, 800, { width: 800, height: 600 }, { x: 92, y: 42, width: 216, height: 116 }],
    // A high-DPI screen: twice the pixels, so the region at full resolution.
    [{ x: 100, y: 50, width: 200, height: 100 }, 800, { width: 1600, height: 1200 }, { x: 184, y: 84, width: 432, height: 232 }],
    // Zoomed or fractional ratios round outwards.
    [{ x: 10, y: 10, width: 10, height: 10 }, 800, { width: 1000, height: 750 }, { x: 2, y: 2, width: 33, height: 33 }],
    // Clipped to the image.
    [{ x: -50, y: 580, width: 100, height: 100 }, 800, { width: 800, height: 600 }, { x: 0, y: 572, width: 58, height: 28 }],
  ])('%j at viewport width %d in %j → %j', (rect, viewportWidth, image, box) => {
    expect(regionInScreenshot(rect, viewportWidth, image)).toEqual(box);
  });

  it('is null for a region outside the screenshot', () => {
    expect(regionInScreenshot({ x: 900 + REGION_MARGIN_CSS_PX, y: 0, width: 10, height: 10 }, 800, { width: 800, height: 600 })).toBeNull();
  });
});

describe('cropImage', () => {
  it('copies the box, row by row', () => {
    const image: RgbaImage = { data: Uint8ClampedArray.from({ length: 4 * 3 * 4 }, (_, i) => i), width: 4, height: 3 };
    const crop = cropImage(image, { x: 1, y: 1, width: 2, height: 2 });
    expect(crop.width).toBe(2);
    expect(crop.height).toBe(2);
    expect(Array.from(crop.data)).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 36, 37, 38, 39, 40, 41, 42, 43]);
  });
});
