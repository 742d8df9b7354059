import jsQR, { type QRCode } from 'jsqr';
import { binarizeGlobal } from './binarize-global';
import { MAX_SCAN_SIDE, planWholeImageAttempts, type WholeImageAttempt } from './cascade';
import { findCodeOutlines, type CodeOutline } from './code-outlines';
import type { FoundQrCode, QrAttemptName, QrDecodeResult, QrStopReason } from './decode-result';
import { downscaleArea } from './downscale-area';
import { InvalidQrOptionError, QrScannerFailedError } from './errors';
import { fillQuad } from './fill-quad';
import { findFinderPatterns } from './finder-patterns';
import { boundingBox, growQuad, quadCentre, quadContains, scaleQuad, type Point, type Quad } from './geometry';
import { BLACK, WHITE, cropGrey, greyToRgba, toGrey, transparentShare, type GreyImage } from './grey-image';
import { padImage } from './pad-image';
import { checkRgbaImage, type RgbaImage } from './rgba-image';
import { scaleBilinear } from './scale-bilinear';
import { scaleNearest } from './scale-nearest';
import { stretchContrast } from './stretch-contrast';

/** How jsqr looks for light-on-dark codes; see {@link DecodeQrOptions.inversionAttempts}. */
export type InversionAttempts = 'attemptBoth' | 'dontInvert' | 'onlyInvert' | 'invertFirst';

export interface DecodeQrOptions {
  /** Stop once this many codes are found. Default 8; at least 1. */
  maxCodes?: number;
  /**
   * Work budget: the most pixels handed to jsqr over all attempts; an attempt that
   * would pass it is not made. Default 25 000 000 (a few seconds on one laptop
   * core for the most cluttered images; a clean code costs well under 0.1 Mpx).
   */
  maxScanPixels?: number;
  /**
   * Time budget in milliseconds, measured with `now`, checked before each attempt
   * (an attempt under way is not interrupted; none reads more than 2000×2000 px).
   * Needs `now`.
   */
  timeBudgetMs?: number;
  /** The clock for `timeBudgetMs`, in milliseconds (e.g. `() => performance.now()`). */
  now?: () => number;
  /**
   * Passed to jsqr on every call. Default `attemptBoth`, which also reads
   * light-on-dark codes, at up to twice the cost of an attempt that finds nothing.
   */
  inversionAttempts?: InversionAttempts;
}

export const DEFAULT_MAX_CODES = 8;
export const DEFAULT_MAX_SCAN_PIXELS = 25_000_000;
/** Outlines cut out and tried per round, so clutter that looks like eyes cannot eat the budget. */
const MAX_CROPS_PER_ROUND = 12;
/** Blanking reaches this many modules beyond a found code's edge, so no eye fragment is left. */
const BLANK_MARGIN_MODULES = 1.5;
/** A cut-out keeps this many modules around the code and is padded to a 4-module quiet zone. */
const CROP_MARGIN_MODULES = 2;
const CROP_QUIET_ZONE_MODULES = 4;

/** An image as jsqr reads it, and how to map its points back to the image passed in. */
interface View {
  name: QrAttemptName;
  image: GreyImage;
  toSource: (p: Point) => Point;
}

/** The image flattened onto a background, at most 2000 px, contrast-stretched; blanked as codes are found. */
interface Base {
  image: GreyImage;
  /** Grey level of the background, used for blanking. */
  fill: number;
}

type Outcome = { kind: 'found'; code: FoundQrCode; quad: Quad } | { kind: 'miss' } | { kind: 'stop'; reason: QrStopReason };

/**
 * Finds and decodes the QR codes in an RGBA image (e.g. from `getImageData`) by
 * trying a cascade of views of it until jsqr reads one (docs/qr-decoding.md):
 * flattened onto white and contrast-stretched; shrunk to 1000 then 2000 px when
 * large; enlarged ×2 bilinear, ×2 and ×4 nearest when small; over black when it
 * has transparency; then cut out around likely code outlines. After each code it
 * blanks that code out and searches again, for up to `maxCodes`, while the eyes
 * of another code can still be seen.
 *
 * Pure and synchronous: run it off the page's main thread (a worker or an
 * offscreen document) and bound it with the budgets in {@link DecodeQrOptions}.
 * Throws {@link InvalidImageError} for a malformed buffer,
 * {@link InvalidQrOptionError} for a bad option, and {@link QrScannerFailedError}
 * if jsqr itself throws.
 */
export function decodeQrCodes(input: RgbaImage, options: DecodeQrOptions = {}): QrDecodeResult {
  const source = checkRgbaImage(input);
  const settings = checkOptions(options);
  const clock = settings.now;
  const startedAt = clock ? clock() : 0;

  const longest = Math.max(source.width, source.height);
  /** Base pixels per source pixel: bases are never larger than any attempt reads. */
  const baseScale = longest > MAX_SCAN_SIDE ? MAX_SCAN_SIDE / longest : 1;
  const makeBase = (background: number): Base => {
    let grey = toGrey(source, background);
    if (baseScale < 1) grey = downscaleArea(grey, Math.max(1, Math.round(source.width * baseScale)), Math.max(1, Math.round(source.height * baseScale)));
    return { image: stretchContrast(grey), fill: background };
  };
  // Sampling every 7th pixel is enough: the black base matters for transparent
  // backgrounds, which cover much of an image, not for a stray clear pixel.
  const hasTransparency = transparentShare(source, 7) > 0;
  const bases: Record<'white' | 'black', Base | null> = {
    white: makeBase(WHITE),
    black: hasTransparency ? makeBase(BLACK) : null,
  };
  const plan = planWholeImageAttempts(source.width, source.height, hasTransparency);

  const codes: FoundQrCode[] = [];
  /** Blanked areas, in source pixels. */
  const blanked: Quad[] = [];
  let attempts = 0;
  let scannedPixels = 0;

  /** jsqr's slowest pace so far on this image, ms per pixel (0 until it has been timed). */
  let msPerPixel = 0;
  /**
   * Why the search must stop before reading `nextPixels` more, or null to go on.
   * With a clock, an attempt that would end past the time budget at jsqr's pace on
   * this image is not started: one jsqr call cannot be interrupted, and on a
   * cluttered view it can take longer than a whole image's budget.
   */
  const budgetStop = (nextPixels: number): QrStopReason | null => {
    if (clock && settings.timeBudgetMs !== undefined && clock() - startedAt + nextPixels * msPerPixel >= settings.timeBudgetMs) return 'time-budget';
    if (scannedPixels + nextPixels > settings.maxScanPixels) return 'work-budget';
    return null;
  };

  const scan = (view: View): Outcome => {
    const pixels = view.image.width * view.image.height;
    const stop = budgetStop(pixels);
    if (stop) return { kind: 'stop', reason: stop };
    attempts++;
    scannedPixels += pixels;
    const rgba = greyToRgba(view.image);
    let hit: QRCode | null;
    const callStart = clock ? clock() : 0;
    try {
      // Options on every call: jsqr 1.4.0 copies them into shared defaults, so an
      // earlier caller's `dontInvert` would otherwise leak into this call.
      hit = jsQR(rgba.data, rgba.width, rgba.height, { inversionAttempts: settings.inversionAttempts });
    } catch (cause) {
      throw new QrScannerFailedError(view.name, `jsqr failed while reading the "${view.name}" view (${rgba.width}×${rgba.height}).`, { cause });
    }
    if (clock) msPerPixel = Math.max(msPerPixel, (clock() - callStart) / pixels);
    if (!hit) return { kind: 'miss' };
    const code = toFoundCode(hit, view);
    const { topLeft, topRight, bottomRight, bottomLeft } = code.corners;
    const quad: Quad = [topLeft, topRight, bottomRight, bottomLeft];
    // A code read again where one was blanked means blanking missed part of it;
    // counting it twice could loop, so it is taken as nothing new.
    if (blanked.some((b) => quadContains(b, quadCentre(quad)))) return { kind: 'miss' };
    return { kind: 'found', code, quad };
  };

  const wholeImage = (resumeAt: number): { outcome: Outcome; index: number } => {
    for (let k = 0; k < plan.length; k++) {
      const index = (resumeAt + k) % plan.length;
      const attempt = plan[index] as WholeImageAttempt;
      const base = bases[attempt.background];
      if (!base) continue;
      const outcome = scan(wholeView(base, attempt, baseScale));
      if (outcome.kind !== 'miss') return { outcome, index };
    }
    return { outcome: { kind: 'miss' }, index: resumeAt };
  };

  const cutOuts = (outlines: { outline: CodeOutline; base: Base }[]): Outcome => {
    for (const { outline, base } of outlines.slice(0, MAX_CROPS_PER_ROUND)) {
      for (const view of cropViews(base, outline, baseScale)) {
        const outcome = scan(view);
        if (outcome.kind !== 'miss') return outcome;
      }
    }
    return { kind: 'miss' };
  };

  let stoppedBy: QrStopReason = 'exhausted';
  let resumeAt = 0;
  for (let round = 0; ; round++) {
    let outlines: { outline: CodeOutline; base: Base }[] | null = null;
    const findOutlines = (): { outline: CodeOutline; base: Base }[] => {
      outlines ??= [bases.white, bases.black].flatMap((base) => (base ? outlinesIn(base) : []));
      return outlines;
    };
    // After a code is found and blanked, search on only while another code's eyes
    // can be seen: without this, every image would pay a full fruitless cascade.
    const stop = round > 0 ? budgetStop(0) : null;
    if (stop) {
      stoppedBy = stop;
      break;
    }
    if (round > 0 && findOutlines().length === 0) break;

    const whole = wholeImage(resumeAt);
    let outcome = whole.outcome;
    if (outcome.kind === 'found') resumeAt = whole.index;
    if (outcome.kind === 'miss') {
      const beforeCutOuts = budgetStop(0);
      outcome = beforeCutOuts ? { kind: 'stop', reason: beforeCutOuts } : cutOuts(findOutlines());
    }
    if (outcome.kind === 'stop') {
      stoppedBy = outcome.reason;
      break;
    }
    if (outcome.kind === 'miss') break;

    codes.push(outcome.code);
    const modules = 17 + 4 * outcome.code.version;
    const blank = growQuad(outcome.quad, (modules + 2 * BLANK_MARGIN_MODULES) / modules);
    blanked.push(blank);
    const inBase = scaleQuad(blank, baseScale);
    for (const base of [bases.white, bases.black]) if (base) fillQuad(base.image, inBase, base.fill);
    if (codes.length >= settings.maxCodes) {
      stoppedBy = 'max-codes';
      break;
    }
  }
  return { codes, stoppedBy, attempts, scannedPixels };
}

export interface Settings {
  maxCodes: number;
  maxScanPixels: number;
  timeBudgetMs: number | undefined;
  now: (() => number) | undefined;
  inversionAttempts: InversionAttempts;
}

const INVERSION_CHOICES: readonly string[] = ['attemptBoth', 'dontInvert', 'onlyInvert', 'invertFirst'];

/** The options with defaults filled in; throws {@link InvalidQrOptionError} naming a bad one. */
export function checkOptions(options: DecodeQrOptions): Settings {
  const maxCodes = options.maxCodes ?? DEFAULT_MAX_CODES;
  if (!Number.isInteger(maxCodes) || maxCodes < 1) {
    throw new InvalidQrOptionError('maxCodes', `maxCodes must be a whole number of at least 1, not ${maxCodes}.`);
  }
  const maxScanPixels = options.maxScanPixels ?? DEFAULT_MAX_SCAN_PIXELS;
  if (!(maxScanPixels >= 0)) {
    throw new InvalidQrOptionError('maxScanPixels', `maxScanPixels must be zero or more pixels, not ${maxScanPixels}.`);
  }
  if (options.timeBudgetMs !== undefined) {
    if (!(options.timeBudgetMs >= 0)) {
      throw new InvalidQrOptionError('timeBudgetMs', `timeBudgetMs must be zero or more milliseconds, not ${options.timeBudgetMs}.`);
    }
    if (!options.now) {
      throw new InvalidQrOptionError('now', 'timeBudgetMs needs a clock: pass now, e.g. () => performance.now().');
    }
  }
  const inversionAttempts = options.inversionAttempts ?? 'attemptBoth';
  if (!INVERSION_CHOICES.includes(inversionAttempts)) {
    throw new InvalidQrOptionError('inversionAttempts', `inversionAttempts must be one of ${INVERSION_CHOICES.join(', ')}, not "${String(inversionAttempts)}".`);
  }
  return { maxCodes, maxScanPixels, timeBudgetMs: options.timeBudgetMs, now: options.now, inversionAttempts };
}

/** A whole-image attempt built from the base, which is already at `baseScale` of the source. */
function wholeView(base: Base, attempt: WholeImageAttempt, baseScale: number): View {
  const relative = attempt.scale / baseScale;
  let image: GreyImage;
  if (Math.abs(relative - 1) < 1e-9) image = base.image;
  else if (relative < 1) image = downscaleArea(base.image, attempt.width, attempt.height);
  else if (attempt.resample === 'nearest') image = scaleNearest(base.image, Math.round(relative));
  else image = scaleBilinear(base.image, attempt.width, attempt.height);
  const sx = image.width / (base.image.width / baseScale);
  const sy = image.height / (base.image.height / baseScale);
  return { name: attempt.name, image, toSource: (p) => ({ x: p.x / sx, y: p.y / sy }) };
}

/** Likely code outlines in a base (in base pixels), best first. */
function outlinesIn(base: Base): { outline: CodeOutline; base: Base }[] {
  const bitmap = binarizeGlobal(base.image);
  if (!bitmap) return [];
  return findCodeOutlines(findFinderPatterns(bitmap), bitmap).map((outline) => ({ outline, base }));
}

/**
 * Views of one likely code cut out of the base: the code with a little of its
 * surroundings, padded to a full quiet zone, enlarged when its modules are small.
 * Cutting it out is what lets jsqr read codes that stand side by side: given the
 * whole image it groups eyes by size alone and mixes up same-sized neighbours.
 */
function cropViews(base: Base, outline: CodeOutline, baseScale: number): View[] {
  const { corners, moduleSize } = outline;
  const side = Math.hypot(corners[1].x - corners[0].x, corners[1].y - corners[0].y);
  const box = boundingBox(growQuad(corners, (side + 2 * CROP_MARGIN_MODULES * moduleSize) / side), base.image.width, base.image.height);
  if (box.width < 8 || box.height < 8) return [];
  const pad = Math.max(4, Math.round(CROP_QUIET_ZONE_MODULES * moduleSize));
  // The quiet zone takes the code's light colour: white around dark eyes, black around light ones.
  const padded = padImage(cropGrey(base.image, box), pad, outline.polarity === 'dark' ? WHITE : BLACK);
  const at = (name: QrAttemptName, image: GreyImage, scale: number): View => ({
    name,
    image,
    toSource: (p) => ({ x: (box.x - pad + p.x / scale) / baseScale, y: (box.y - pad + p.y / scale) / baseScale }),
  });
  const longest = Math.max(padded.width, padded.height);
  const views = [at('crop', padded, 1)];
  if (moduleSize < 3 && longest * 2 <= MAX_SCAN_SIDE) {
    views.push(at('crop-enlarge-2x-bilinear', scaleBilinear(padded, padded.width * 2, padded.height * 2), 2));
  }
  if (moduleSize < 1.5 && longest * 4 <= MAX_SCAN_SIDE) {
    views.push(at('crop-enlarge-4x-nearest', scaleNearest(padded, 4), 4));
  }
  return views;
}

function toFoundCode(hit: QRCode, view: View): FoundQrCode {
  const { location } = hit;
  return {
    text: hit.data,
    bytes: [...hit.binaryData],
    version: hit.version,
    corners: {
      topLeft: view.toSource(location.topLeftCorner),
      topRight: view.toSource(location.topRightCorner),
      bottomRight: view.toSource(location.bottomRightCorner),
      bottomLeft: view.toSource(location.bottomLeftCorner),
    },
    attempt: view.name,
    engine: 'jsqr',
  };
}
