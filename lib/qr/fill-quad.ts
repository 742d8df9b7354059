import type { Point, Quad } from './geometry';
import type { GreyImage } from './grey-image';


/**
 * Paints a convex quadrilateral (corners in order around it, either direction)
 * with grey `level` (0–255), IN PLACE. The decoder uses it to blank out a code it has
 * read so the next scan finds the others. A pixel is painted when its centre is
 * inside the quad.
 */
export function fillQuad(image: GreyImage, corners: Quad, level: number): void {
  const { width, height, data } = image;
  const ys = corners.map((p) => p.y);
  const top = Math.max(0, Math.floor(Math.min(...ys)));
  const bottom = Math.min(height - 1, Math.ceil(Math.max(...ys)));
  for (let y = top; y <= bottom; y++) {
    const cy = y + 0.5;
    let left = Infinity;
    let right = -Infinity;
    for (let i = 0; i < 4; i++) {
      const p = corners[i] as Point;
      const q = corners[(i + 1) % 4] as Point;
      if ((p.y <= cy && q.y > cy) || (q.y <= cy && p.y > cy)) {
        const x = p.x + ((cy - p.y) / (q.y - p.y)) * (q.x - p.x);
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
    if (left > right) continue;
    const from = Math.max(0, Math.ceil(left - 0.5));
    const to = Math.min(width - 1, Math.floor(right - 0.5));
    if (to >= from) data.fill(level, y * width + from, y * width + to + 1);
  }
}
