/** A point in pixel coordinates (continuous: pixel k spans [k, k+1), its centre is k + 0.5). */
export interface Point {
  x: number;
  y: number;
}

/** Four corners in order around a convex quadrilateral. */
export type Quad = readonly [Point, Point, Point, Point];

export function quadCentre(quad: Quad): Point {
  return {
    x: (quad[0].x + quad[1].x + quad[2].x + quad[3].x) / 4,
    y: (quad[0].y + quad[1].y + quad[2].y + quad[3].y) / 4,
  };
}

/** The quad scaled about its centre by `factor` (>1 grows it). */
export function growQuad(quad: Quad, factor: number): Quad {
  const c = quadCentre(quad);
  const grow = (p: Point): Point => ({ x: c.x + (p.x - c.x) * factor, y: c.y + (p.y - c.y) * factor });
  return [grow(quad[0]), grow(quad[1]), grow(quad[2]), grow(quad[3])];
}

/** The quad with every coordinate multiplied by `factor` (a change of pixel grid). */
export function scaleQuad(quad: Quad, factor: number): Quad {
  const scale = (p: Point): Point => ({ x: p.x * factor, y: p.y * factor });
  return [scale(quad[0]), scale(quad[1]), scale(quad[2]), scale(quad[3])];
}

/** Whether `point` lies inside the convex `quad` (corners in either direction). */
export function quadContains(quad: Quad, point: Point): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const p = quad[i] as Point;
    const q = quad[(i + 1) % 4] as Point;
    const cross = (q.x - p.x) * (point.y - p.y) - (q.y - p.y) * (point.x - p.x);
    if (cross !== 0) {
      if (sign === 0) sign = Math.sign(cross);
      else if (Math.sign(cross) !== sign) return false;
    }
  }
  return true;
}

/** The axis-aligned box around a quad, in whole pixels, clipped to `width`×`height`. */
export function boundingBox(quad: Quad, width: number, height: number): { x: number; y: number; width: number; height: number } {
  const xs = quad.map((p) => p.x);
  const ys = quad.map((p) => p.y);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const x1 = Math.min(width, Math.ceil(Math.max(...xs)));
  const y1 = Math.min(height, Math.ceil(Math.max(...ys)));
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}
