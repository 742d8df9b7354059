import type { Bitmap } from './binarize-global';

/**
 * A spot where a QR finder pattern (the 7×7-module "eye": dark ring, light ring,
 * 3×3 dark core) seems to be, found by the 1:1:3:1:1 run test in both directions.
 * Coordinates and module size are in pixels of the image searched.
 */
export interface FinderPatternHint {
  x: number;
  y: number;
  /** Estimated module size, px. */
  moduleSize: number;
  /** `dark` for a dark eye on a light background, `light` for an inverted code. */
  polarity: 'dark' | 'light';
  /** How many row/column crossings agreed on this spot (more = more certain). */
  support: number;
}

interface RunHit {
  /** Centre along the scanned line and the line's index. */
  along: number;
  line: number;
  unit: number;
  dark: boolean;
}

/**
 * Finds finder-pattern candidates in a black-and-white image: one pass over the
 * rows and one over the columns, no perspective work, so far cheaper than a
 * decode. Runs as short as 1 px per module are accepted, so it still works on
 * small thumbnails. Stray hits inside a code's data area are common; combine the
 * hints with {@link findCodeOutlines} before trusting them.
 */
export function findFinderPatterns(bitmap: Bitmap): FinderPatternHint[] {
  const { dark, width, height } = bitmap;
  const rowHits = scanLines(dark, width, height, true);
  const columnHits = scanLines(dark, width, height, false);

  // Index column hits by a coarse grid so each row hit looks only at its neighbours.
  const cell = 8;
  const buckets = new Map<number, RunHit[]>();
  const key = (x: number, y: number): number => Math.floor(y / cell) * 65536 + Math.floor(x / cell);
  for (const hit of columnHits) {
    const k = key(hit.line, hit.along);
    const list = buckets.get(k);
    if (list) list.push(hit);
    else buckets.set(k, [hit]);
  }
  const crosses: { x: number; y: number; unit: number; dark: boolean }[] = [];
  for (const row of rowHits) {
    const x = row.along;
    const y = row.line;
    let matched: RunHit | undefined;
    for (let dy = -1; dy <= 1 && !matched; dy++) {
      for (let dx = -1; dx <= 1 && !matched; dx++) {
        const list = buckets.get(key(x + dx * cell, y + dy * cell));
        matched = list?.find(
          (col) =>
            col.dark === row.dark &&
            Math.abs(col.line - x) <= Math.max(1, row.unit) &&
            Math.abs(col.along - y) <= Math.max(1, row.unit) &&
            col.unit < row.unit * 1.6 &&
            row.unit < col.unit * 1.6,
        );
      }
    }
    // A row run measures the centre's x precisely, a column run its y.
    if (matched) crosses.push({ x, y: matched.along, unit: (row.unit + matched.unit) / 2, dark: row.dark });
  }

  // Merge crossings that belong to the same pattern.
  const patterns: FinderPatternHint[] = [];
  for (const cross of crosses) {
    const polarity = cross.dark ? 'dark' : 'light';
    const same = patterns.find(
      (p) => p.polarity === polarity && Math.hypot(p.x - cross.x, p.y - cross.y) <= 2 * Math.max(p.moduleSize, cross.unit),
    );
    if (same) {
      const n = same.support;
      same.x = (same.x * n + cross.x) / (n + 1);
      same.y = (same.y * n + cross.y) / (n + 1);
      same.moduleSize = (same.moduleSize * n + cross.unit) / (n + 1);
      same.support = n + 1;
    } else {
      patterns.push({ x: cross.x, y: cross.y, moduleSize: cross.unit, polarity, support: 1 });
    }
  }
  // A real eye also shows its rings along the diagonal; stray 1:1:3:1:1 crossings
  // in noise or a code's data area rarely do.
  return patterns.filter((p) => diagonalMatches(bitmap, p));
}

/**
 * Walks both ways along the diagonal through the hint's centre and checks the
 * runs there: a core of 3 modules, then a ring of 1 of the other colour, then a
 * ring of 1 of the core's colour.
 */
function diagonalMatches(bitmap: Bitmap, hint: FinderPatternHint): boolean {
  const core = hint.polarity === 'dark' ? 1 : 0;
  const x0 = Math.floor(hint.x);
  const y0 = Math.floor(hint.y);
  const at = (x: number, y: number): number => (x < 0 || y < 0 || x >= bitmap.width || y >= bitmap.height ? -1 : (bitmap.dark[y * bitmap.width + x] ?? -1));
  if (at(x0, y0) !== core) return false;
  /** Lengths (in diagonal steps) of the core's half, the inner ring and the outer ring going one way. */
  const walk = (dx: number, dy: number): [number, number, number] | null => {
    const lengths: number[] = [];
    let step = 0;
    for (const colour of [core, 1 - core, core]) {
      let length = 0;
      while (at(x0 + dx * step, y0 + dy * step) === colour) {
        length++;
        step++;
        if (step > 8 * hint.moduleSize + 4) return null;
      }
      if (length === 0) return null;
      lengths.push(length);
    }
    const [inner = 0, ring = 0, outer = 0] = lengths;
    return [inner, ring, outer];
  };
  const forward = walk(1, 1);
  const backward = walk(-1, -1);
  if (!forward || !backward) return false;
  // One diagonal step moves one pixel in x and in y, so a module of m px takes
  // m steps, as on a row; the centre pixel is counted by both walks.
  const unit = (forward[0] + backward[0] - 1 + forward[1] + backward[1] + forward[2] + backward[2]) / 7;
  const slack = Math.max(unit * 0.6, 1);
  return (
    Math.abs(forward[0] + backward[0] - 1 - 3 * unit) <= 3 * slack &&
    Math.abs(forward[1] - unit) <= slack &&
    Math.abs(backward[1] - unit) <= slack &&
    Math.abs(forward[2] - unit) <= slack &&
    Math.abs(backward[2] - unit) <= slack &&
    Math.abs(unit - hint.moduleSize) <= Math.max(0.5 * hint.moduleSize, 1)
  );
}

/** Scans every row (or column) for five runs in 1:1:3:1:1 proportion. */
function scanLines(dark: Uint8Array, width: number, height: number, rows: boolean): RunHit[] {
  const hits: RunHit[] = [];
  const length = rows ? width : height;
  const lines = rows ? height : width;
  const runs = new Int32Array(5);
  for (let line = 0; line < lines; line++) {
    let count = 0;
    let runLength = 0;
    let current = -1;
    let position = 0;
    const at = rows ? (i: number) => dark[line * width + i] ?? 0 : (i: number) => dark[i * width + line] ?? 0;
    for (let i = 0; i <= length; i++) {
      const value = i < length ? at(i) : -1;
      if (value === current) {
        runLength++;
        continue;
      }
      if (current !== -1) {
        // A run of `current` just ended at i-1: shift it into the last-five window.
        runs.copyWithin(0, 1);
        runs[4] = runLength;
        count++;
        // The window's first run has the colour of the run that ended four runs ago;
        // runs alternate, so it is the same colour as the one that just ended.
        if (count >= 5 && matchesFinderRatio(runs)) {
          const total = runs[0]! + runs[1]! + runs[2]! + runs[3]! + runs[4];
          const centreStart = position - runs[3]! - runs[2]!;
          // Continuous coordinates: pixel k spans [k, k+1), its centre is k + 0.5.
          hits.push({ along: centreStart + runs[2]! / 2, line: line + 0.5, unit: total / 7, dark: current === 1 });
        }
      }
      position = i;
      current = value;
      runLength = 1;
    }
  }
  return hits;
}

function matchesFinderRatio(runs: Int32Array): boolean {
  const [a = 0, b = 0, centre = 0, d = 0, e = 0] = runs;
  const total = a + b + centre + d + e;
  if (total < 7) return false;
  const unit = total / 7;
  // Half a module of slack (ZXing's tolerance), but never under one pixel's worth
  // of anti-aliasing on 1 px modules.
  const slack = Math.max(unit / 2, 0.75);
  return (
    Math.abs(a - unit) <= slack &&
    Math.abs(b - unit) <= slack &&
    Math.abs(d - unit) <= slack &&
    Math.abs(e - unit) <= slack &&
    Math.abs(centre - 3 * unit) <= 3 * slack &&
    // The core must stand out from the rings; without this, evenly spaced stripes
    // (a checkerboard, ruled lines) pass the loose tolerances above.
    centre >= 1.5 * Math.max(a, b, d, e)
  );
}
