import { describe, expect, it } from 'vitest';
import { downscaleArea } from '../../../lib/qr/downscale-area';
import { fillQuad } from '../../../lib/qr/fill-quad';
import { greyToRgba, toGrey, transparentShare, type GreyImage } from '../../../lib/qr/grey-image';
import { padImage } from '../../../lib/qr/pad-image';
import { scaleBilinear } from '../../../lib/qr/scale-bilinear';
import { scaleNearest } from '../../../lib/qr/scale-nearest';
import { stretchContrast } from '../../../lib/qr/stretch-contrast';

const grey = (width: number, rows: number[][]): GreyImage => ({ data: Uint8ClampedArray.from(rows.flat()), width, height: rows.length });
const rowsOf = (image: GreyImage): number[][] =>
  Array.from({ length: image.height }, (_, y) => Array.from(image.data.subarray(y * image.width, (y + 1) * image.width)));

describe('toGrey (flattening alpha)', () => {
  it.each([
    // r, g, b, a, background → grey level
    [0, 0, 0, 0, 255, 255],
    [0, 0, 0, 0, 0, 0],
    [0, 0, 0, 255, 255, 0],
    [255, 255, 255, 255, 0, 255],
    [0, 0, 0, 128, 255, 127],
    [255, 0, 0, 255, 255, 54],
    [0, 255, 0, 255, 255, 182],
    [0, 0, 255, 255, 255, 18],
  ])('rgba(%i,%i,%i,%i) over %i → %i', (r, g, b, a, background, expected) => {
    const out = toGrey({ data: new Uint8ClampedArray([r, g, b, a]), width: 1, height: 1 }, background);
    expect(out.data[0]).toBe(expected);
  });

  it('measures the share of pixels that are not opaque', () => {
    const data = new Uint8ClampedArray([0, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 254, 0, 0, 0, 255]);
    expect(transparentShare({ data, width: 4, height: 1 })).toBe(0.5);
  });

  it('expands grey back to opaque RGBA for jsqr', () => {
    expect(Array.from(greyToRgba(grey(2, [[7, 200]])).data)).toEqual([7, 7, 7, 255, 200, 200, 200, 255]);
  });
});

describe('stretchContrast', () => {
  it('maps the darkest level to 0 and the lightest to 255', () => {
    expect(rowsOf(stretchContrast(grey(4, [[112, 160, 136, 112]])))).toEqual([[0, 255, 128, 0]]);
  });

  it('leaves a flat image as it is', () => {
    expect(rowsOf(stretchContrast(grey(3, [[90, 90, 90]])))).toEqual([[90, 90, 90]]);
  });
});

describe('scaleNearest', () => {
  it.each([
    [1, [[1, 2]], [[1, 2]]],
    [2, [[1, 2]], [[1, 1, 2, 2], [1, 1, 2, 2]]],
    [3, [[9]], [[9, 9, 9], [9, 9, 9], [9, 9, 9]]],
  ])('×%i', (factor, input, expected) => {
    expect(rowsOf(scaleNearest(grey(input[0]!.length, input), factor))).toEqual(expected);
  });
});

describe('scaleBilinear', () => {
  it('interpolates between pixel centres and clamps at the edges', () => {
    expect(rowsOf(scaleBilinear(grey(2, [[0, 200]]), 4, 1))).toEqual([[0, 50, 150, 200]]);
  });

  it('keeps a flat image flat at any size', () => {
    const out = scaleBilinear(grey(3, [[77, 77, 77], [77, 77, 77]]), 7, 5);
    expect(new Set(out.data)).toEqual(new Set([77]));
    expect([out.width, out.height]).toEqual([7, 5]);
  });
});

describe('downscaleArea', () => {
  it('averages whole blocks', () => {
    expect(rowsOf(downscaleArea(grey(4, [[0, 100, 200, 200], [100, 200, 200, 200]]), 2, 1))).toEqual([[100, 200]]);
  });

  it('weights pixels covered in part (3 → 2: the middle pixel is shared)', () => {
    expect(rowsOf(downscaleArea(grey(3, [[0, 90, 180]]), 2, 1))).toEqual([[30, 150]]);
  });

  it('keeps the mean brightness', () => {
    const rows = Array.from({ length: 7 }, (_, y) => Array.from({ length: 9 }, (_, x) => (x * 31 + y * 17) % 256));
    const input = grey(9, rows);
    const out = downscaleArea(input, 4, 3);
    const mean = (img: GreyImage): number => img.data.reduce((s, v) => s + v, 0) / img.data.length;
    expect(Math.abs(mean(out) - mean(input))).toBeLessThan(1);
  });
});

describe('padImage', () => {
  it('frames the image with a border of one grey level', () => {
    expect(rowsOf(padImage(grey(1, [[5]]), 1, 255))).toEqual([[255, 255, 255], [255, 5, 255], [255, 255, 255]]);
  });
});

describe('fillQuad', () => {
  it('paints the pixels whose centres lie inside, in place', () => {
    const image = grey(5, Array.from({ length: 4 }, () => [0, 0, 0, 0, 0]));
    fillQuad(image, [{ x: 1, y: 1 }, { x: 4, y: 1 }, { x: 4, y: 3 }, { x: 1, y: 3 }], 9);
    expect(rowsOf(image)).toEqual([
      [0, 0, 0, 0, 0],
      [0, 9, 9, 9, 0],
      [0, 9, 9, 9, 0],
      [0, 0, 0, 0, 0],
    ]);
  });

  it('paints a rotated quad (a diamond)', () => {
    const image = grey(3, [[0, 0, 0], [0, 0, 0], [0, 0, 0]]);
    fillQuad(image, [{ x: 1.5, y: 0.1 }, { x: 2.9, y: 1.5 }, { x: 1.5, y: 2.9 }, { x: 0.1, y: 1.5 }], 1);
    expect(rowsOf(image)).toEqual([[0, 1, 0], [1, 1, 1], [0, 1, 0]]);
  });

  it('clips a quad reaching past the image', () => {
    const image = grey(2, [[0, 0], [0, 0]]);
    fillQuad(image, [{ x: -10, y: -10 }, { x: 10, y: -10 }, { x: 10, y: 10 }, { x: -10, y: 10 }], 3);
    expect(rowsOf(image)).toEqual([[3, 3], [3, 3]]);
  });
});
