import { describe, expect, it } from 'vitest';
import { boundingBox, growQuad, quadCentre, quadContains, scaleQuad, type Quad } from '../../../lib/qr/geometry';

const square: Quad = [{ x: 10, y: 10 }, { x: 20, y: 10 }, { x: 20, y: 20 }, { x: 10, y: 20 }];
const diamond: Quad = [{ x: 5, y: 0 }, { x: 10, y: 5 }, { x: 5, y: 10 }, { x: 0, y: 5 }];

describe('quad geometry', () => {
  it('finds the centre', () => {
    expect(quadCentre(diamond)).toEqual({ x: 5, y: 5 });
  });

  it('grows a quad about its centre', () => {
    expect(growQuad(square, 2)).toEqual([{ x: 5, y: 5 }, { x: 25, y: 5 }, { x: 25, y: 25 }, { x: 5, y: 25 }]);
  });

  it('scales coordinates to another pixel grid', () => {
    expect(scaleQuad(square, 0.5)[2]).toEqual({ x: 10, y: 10 });
  });

  it.each([
    [{ x: 5, y: 5 }, true],
    [{ x: 9.9, y: 5 }, true],
    [{ x: 1, y: 1 }, false],
    [{ x: 11, y: 5 }, false],
  ])('diamond contains %j: %s', (point, inside) => {
    expect(quadContains(diamond, point)).toBe(inside);
    // The same quad listed the other way round.
    expect(quadContains([diamond[3], diamond[2], diamond[1], diamond[0]], point)).toBe(inside);
  });

  it('boxes a quad in whole pixels, clipped to the image', () => {
    expect(boundingBox(diamond, 100, 100)).toEqual({ x: 0, y: 0, width: 10, height: 10 });
    expect(boundingBox(growQuad(square, 3), 30, 40)).toEqual({ x: 0, y: 0, width: 30, height: 30 });
  });
});
