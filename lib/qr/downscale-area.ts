import type { GreyImage } from './grey-image';

/**
 * Shrinks to `width`×`height` (each no larger than the source) by area averaging:
 * every output pixel is the mean of the source pixels it covers, fractional
 * coverage weighted. Unlike sampling, this does not drop whole rows or columns of
 * a module, so a code stays readable down to about 1.5 px per module.
 * Two separable passes (along rows, then down columns), both reading memory in order.
 */
export function downscaleArea(image: GreyImage, width: number, height: number): GreyImage {
  const { width: sw, height: sh, data: src } = image;
  const xTaps = coverage(sw, width);
  const yTaps = coverage(sh, height);

  // Pass 1: each source row shrunk to `width` pixels, kept unrounded.
  const rows = new Float32Array(width * sh);
  for (let y = 0; y < sh; y++) {
    const rowIn = y * sw;
    const rowOut = y * width;
    for (let x = 0; x < width; x++) {
      let sum = 0;
      const end = xTaps.start[x + 1] ?? 0;
      for (let t = xTaps.start[x] ?? 0; t < end; t++) sum += (src[rowIn + (xTaps.index[t] ?? 0)] ?? 0) * (xTaps.weight[t] ?? 0);
      rows[rowOut + x] = sum;
    }
  }

  // Pass 2: weighted sums of whole shrunk rows.
  const out = new Uint8ClampedArray(width * height);
  const acc = new Float32Array(width);
  for (let y = 0; y < height; y++) {
    acc.fill(0);
    const end = yTaps.start[y + 1] ?? 0;
    for (let t = yTaps.start[y] ?? 0; t < end; t++) {
      const from = (yTaps.index[t] ?? 0) * width;
      const w = yTaps.weight[t] ?? 0;
      for (let x = 0; x < width; x++) acc[x] = (acc[x] ?? 0) + (rows[from + x] ?? 0) * w;
    }
    out.set(acc, y * width);
  }
  return { data: out, width, height };
}

/**
 * For each of `target` output pixels along an axis of `source` pixels, the source
 * pixels it covers and their weights (coverage over the total, so they sum to 1).
 * Taps of output i are start[i] … start[i+1]−1.
 */
function coverage(source: number, target: number): { start: Int32Array; index: Int32Array; weight: Float32Array } {
  const ratio = source / target;
  const start = new Int32Array(target + 1);
  const index: number[] = [];
  const weight: number[] = [];
  for (let t = 0; t < target; t++) {
    start[t] = index.length;
    const from = t * ratio;
    const to = from + ratio;
    for (let s = Math.floor(from); s < Math.min(Math.ceil(to), source); s++) {
      const w = Math.min(to, s + 1) - Math.max(from, s);
      if (w <= 0) continue;
      index.push(s);
      weight.push(w / ratio);
    }
  }
  start[target] = index.length;
  return { start, index: Int32Array.from(index), weight: Float32Array.from(weight) };
}
