import type { GreyImage } from './grey-image';

/**
 * Resizes to `width`×`height` by bilinear interpolation between the four nearest
 * source pixels (pixel centres aligned, edges clamped). Meant for enlarging: it
 * keeps the grey edge of anti-aliased modules as a gradient instead of the
 * staircase nearest-neighbour makes, which is what reads 1.5–2 px and fractional
 * module sizes. Shrinking by more than 2× aliases; use `downscaleArea` for that.
 */
export function scaleBilinear(image: GreyImage, width: number, height: number): GreyImage {
  const { width: sw, height: sh, data: src } = image;
  const out = new Uint8ClampedArray(width * height);
  const x0s = new Int32Array(width);
  const x1s = new Int32Array(width);
  const fxs = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const sx = Math.min(Math.max((x + 0.5) * (sw / width) - 0.5, 0), sw - 1);
    const x0 = Math.floor(sx);
    x0s[x] = x0;
    x1s[x] = Math.min(x0 + 1, sw - 1);
    fxs[x] = sx - x0;
  }
  for (let y = 0; y < height; y++) {
    const sy = Math.min(Math.max((y + 0.5) * (sh / height) - 0.5, 0), sh - 1);
    const y0 = Math.floor(sy);
    const fy = sy - y0;
    const row0 = y0 * sw;
    const row1 = Math.min(y0 + 1, sh - 1) * sw;
    const rowOut = y * width;
    for (let x = 0; x < width; x++) {
      const fx = fxs[x] ?? 0;
      const a = src[row0 + (x0s[x] ?? 0)] ?? 0;
      const b = src[row0 + (x1s[x] ?? 0)] ?? 0;
      const c = src[row1 + (x0s[x] ?? 0)] ?? 0;
      const d = src[row1 + (x1s[x] ?? 0)] ?? 0;
      const top = a + (b - a) * fx;
      const bottom = c + (d - c) * fx;
      out[rowOut + x] = top + (bottom - top) * fy;
    }
  }
  return { data: out, width, height };
}
