import type { Bitmap } from './binarize-global';
import type { Point, Quad } from './geometry';
import type { FinderPatternHint } from './finder-patterns';


/**
 * Where a QR code probably is: three finder-pattern hints that stand like a code's
 * three eyes (two equal legs at a right angle, similar module sizes).
 */
export interface CodeOutline {
  /** The code's four corners (quiet zone excluded), clockwise from the eye at the right angle. */
  corners: Quad;
  moduleSize: number;
  polarity: 'dark' | 'light';
  /** Sum of the three hints' support: more is more certain. */
  support: number;
}

/** Only the best-supported hints are combined, to keep the triple search small. */
const MAX_HINTS = 48;
/** A version 1 code has 14 modules between eye centres, version 40 has 170. */
const MIN_LEG_MODULES = 12;
const MAX_LEG_MODULES = 176;
/** Tolerances for legs of equal length, a right angle, and eyes of the same size. */
const LEG_RATIO = 1.2;
const HYPOTENUSE_TOLERANCE = 0.12;
const MODULE_RATIO = 1.5;

/**
 * Combines finder-pattern hints into likely code outlines, best first. Stray hints
 * inside a code's data area, in photos and in text are common; requiring the
 * eyes' geometry and then the timing patterns (the alternating dark/light modules
 * that run between the eyes on row and column 6 of every code) filters them out.
 * `bitmap` is the black-and-white image the hints were found in.
 */
export function findCodeOutlines(hints: readonly FinderPatternHint[], bitmap: Bitmap): CodeOutline[] {
  const top = [...hints].sort((a, b) => b.support - a.support).slice(0, MAX_HINTS);
  const outlines: CodeOutline[] = [];
  for (const a of top) {
    for (let i = 0; i < top.length; i++) {
      const b = top[i];
      if (!b || b === a || !similar(a, b)) continue;
      for (let j = i + 1; j < top.length; j++) {
        const c = top[j];
        if (!c || c === a || !similar(a, c) || !similar(b, c)) continue;
        const outline = asOutline(a, b, c, bitmap);
        if (outline) outlines.push(outline);
      }
    }
  }
  // Most support first; among equals the smaller outline, because eyes of
  // neighbouring codes of one size also form right-angled triples, larger ones.
  outlines.sort((p, q) => q.support - p.support || span(p) - span(q));
  // Keep one outline per place: permutations and near-duplicates overlap.
  const kept: CodeOutline[] = [];
  for (const outline of outlines) {
    const centre = centreOf(outline.corners);
    const duplicate = kept.some((k) => {
      const kc = centreOf(k.corners);
      return Math.hypot(kc.x - centre.x, kc.y - centre.y) < 4 * Math.max(k.moduleSize, outline.moduleSize);
    });
    if (!duplicate) kept.push(outline);
  }
  return kept;
}

function similar(p: FinderPatternHint, q: FinderPatternHint): boolean {
  return p.polarity === q.polarity && Math.max(p.moduleSize, q.moduleSize) <= MODULE_RATIO * Math.min(p.moduleSize, q.moduleSize);
}

function asOutline(a: FinderPatternHint, b: FinderPatternHint, c: FinderPatternHint, bitmap: Bitmap): CodeOutline | null {
  const ab = Math.hypot(b.x - a.x, b.y - a.y);
  const ac = Math.hypot(c.x - a.x, c.y - a.y);
  const bc = Math.hypot(c.x - b.x, c.y - b.y);
  if (ab === 0 || ac === 0) return null;
  if (Math.max(ab, ac) > LEG_RATIO * Math.min(ab, ac)) return null;
  const leg = (ab + ac) / 2;
  if (Math.abs(bc / (leg * Math.SQRT2) - 1) > HYPOTENUSE_TOLERANCE) return null;
  const moduleSize = (a.moduleSize + b.moduleSize + c.moduleSize) / 3;
  const legModules = leg / moduleSize;
  if (legModules < MIN_LEG_MODULES || legModules > MAX_LEG_MODULES) return null;
  if (!timingPatternsFit(bitmap, a, b, c, ab, ac, legModules)) return null;
  // Order the other two eyes clockwise from a (in image coordinates, y down).
  const cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  const [first, second] = cross > 0 ? [b, c] : [c, b];
  const d = { x: first.x + second.x - a.x, y: first.y + second.y - a.y };
  const centre = { x: (first.x + second.x) / 2, y: (first.y + second.y) / 2 };
  // Eye centres sit 3.5 modules inside the code's corners.
  const grow = (legModules + 7) / legModules;
  const corner = (p: Point): Point => ({ x: centre.x + (p.x - centre.x) * grow, y: centre.y + (p.y - centre.y) * grow });
  return {
    corners: [corner(a), corner(first), corner(d), corner(second)],
    moduleSize,
    polarity: a.polarity,
    support: a.support + b.support + c.support,
  };
}

/**
 * Legs span 4·version + 10 modules. The hints' module sizes are rough (±30% on
 * 1–2 px modules), so every version near the estimate is tried; for each, the
 * module size follows from the leg length, precise enough to sample single
 * modules: the light separators around the eyes, then the timing patterns.
 */
function timingPatternsFit(
  bitmap: Bitmap,
  a: FinderPatternHint,
  b: FinderPatternHint,
  c: FinderPatternHint,
  ab: number,
  ac: number,
  legModules: number,
): boolean {
  const dark = a.polarity === 'dark' ? 1 : 0;
  const lowest = Math.max(1, Math.floor((legModules * 0.7 - 10) / 4));
  const highest = Math.min(40, Math.ceil((legModules * 1.4 - 10) / 4));
  for (let version = lowest; version <= highest; version++) {
    const modules = 4 * version + 10;
    const frame = { u: { x: (b.x - a.x) / modules, y: (b.y - a.y) / modules }, v: { x: (c.x - a.x) / modules, y: (c.y - a.y) / modules } };
    if (
      separatorsLight(bitmap, a, frame, 1, 1, dark) &&
      separatorsLight(bitmap, b, frame, -1, 1, dark) &&
      separatorsLight(bitmap, c, frame, 1, -1, dark) &&
      hasTimingPattern(bitmap, a, b, c, ab / modules, modules, dark) &&
      hasTimingPattern(bitmap, a, c, b, ac / modules, modules, dark)
    ) {
      return true;
    }
  }
  return false;
}

/** One module along the code's rows (u) and columns (v), in pixels. */
interface ModuleFrame {
  u: Point;
  v: Point;
}

/**
 * Every eye is fenced off from the data by a one-module light separator on its
 * two inner sides (4 modules from its centre). Samples those 16 module centres;
 * in noise or text they are as often dark as light. `su`/`sv` say which way is
 * inward along u and v. Allows two misses for blur at the corners.
 */
function separatorsLight(bitmap: Bitmap, eye: Point, frame: ModuleFrame, su: number, sv: number, dark: number): boolean {
  let misses = 0;
  for (let t = -3; t <= 4; t++) {
    for (const [along, across] of [
      [su * 4, sv * t],
      [su * t, sv * 4],
    ] as const) {
      const x = Math.floor(eye.x + frame.u.x * along + frame.v.x * across);
      const y = Math.floor(eye.y + frame.u.y * along + frame.v.y * across);
      if (x < 0 || y < 0 || x >= bitmap.width || y >= bitmap.height) return false;
      if ((bitmap.dark[y * bitmap.width + x] ?? 0) === dark) misses++;
      if (misses > 2) return false;
    }
  }
  return true;
}

/**
 * Samples the line between eyes `from` and `to`, 3 modules towards `side` (the
 * timing row or column), and checks it alternates about once per module: the
 * timing pattern has legModules − 9 modules between the eyes' separators.
 * A little off-centre sampling is tried too, since the module size is estimated.
 */
function hasTimingPattern(
  bitmap: Bitmap,
  from: Point,
  to: Point,
  side: Point,
  moduleSize: number,
  legModules: number,
  dark: number,
): boolean {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  const ux = (to.x - from.x) / length;
  const uy = (to.y - from.y) / length;
  const sideLength = Math.hypot(side.x - from.x, side.y - from.y);
  const vx = (side.x - from.x) / sideLength;
  const vy = (side.y - from.y) / sideLength;
  const expected = legModules - 9;
  const step = Math.min(0.5, moduleSize / 4);
  for (const offset of [3, 2.75, 3.25]) {
    let runs = 0;
    let previous = -1;
    let first = -1;
    let runLength = 0;
    let irregular = 0;
    for (let t = 5 * moduleSize; t <= length - 5 * moduleSize + 1e-9; t += step) {
      const x = Math.floor(from.x + ux * t + vx * offset * moduleSize);
      const y = Math.floor(from.y + uy * t + vy * offset * moduleSize);
      if (x < 0 || y < 0 || x >= bitmap.width || y >= bitmap.height) return false;
      const value = (bitmap.dark[y * bitmap.width + x] ?? 0) === dark ? 1 : 0;
      if (first === -1) first = value;
      if (value !== previous) {
        // Inner runs should each be about one module long; the first run is cut
        // in half by starting at a module centre, so it is not judged.
        if (runs > 1 && Math.abs(runLength - moduleSize) > 0.6 * moduleSize + step) irregular++;
        runs++;
        runLength = 0;
      }
      runLength += step;
      previous = value;
    }
    // The timing pattern starts and ends on a dark module.
    const tolerance = Math.max(1, 0.1 * expected);
    if (first === 1 && previous === 1 && Math.abs(runs - expected) <= tolerance && irregular <= tolerance) return true;
  }
  return false;
}

function span(outline: CodeOutline): number {
  const [p, q] = outline.corners;
  return Math.hypot(q.x - p.x, q.y - p.y);
}

function centreOf(corners: readonly Point[]): Point {
  let x = 0;
  let y = 0;
  for (const p of corners) {
    x += p.x;
    y += p.y;
  }
  return { x: x / corners.length, y: y / corners.length };
}
