import { qrLikeness } from './candidates';
import { FIRST_LOOK_SIDE, MAX_SCAN_SIDE } from './cascade';
import { checkOptions, decodeQrCodes, type DecodeQrOptions } from './decode-image';
import type { FoundQrCode, QrAttemptName, QrDecodeResult } from './decode-result';
import { downscaleArea } from './downscale-area';
import { QrEngineUnavailableError } from './errors';
import type { Point } from './geometry';
import { BLACK, WHITE, greyToRgba, toGrey, toGreyShrunk, transparentShare, type GreyImage } from './grey-image';
import { checkRgbaImage, type RgbaImage } from './rgba-image';
import { scaleBilinear } from './scale-bilinear';
import { scaleNearest } from './scale-nearest';
import type { ZxingReader } from './zxing-reader';

/*
 * The decoder with both engines (docs/qr-decoding.md "Engines"): ZXing first, on a
 * few views of the image, then jsqr's cascade with what is left of the time budget
 * when ZXing read nothing.
 */

export interface ReadQrOptions extends DecodeQrOptions {
  /** ZXing, tried first; `null` reads with jsqr's cascade alone. */
  zxing: ZxingReader | null;
  /** Read with jsqr's cascade when ZXing found nothing. Default true (off only to measure ZXing alone). */
  jsqrFallback?: boolean;
}

export interface ReadQrResult extends QrDecodeResult {
  /** ZXing was given but could not be loaded: jsqr read alone (the message says why). */
  zxingUnavailable?: string;
}

/**
 * Small images are also read enlarged, up to these long sides (px): ZXing needs
 * about 2–3 px per module, and a small code's modules are 1–3 px. ×2 and ×3
 * bilinear read blurred and fractional modules, ×4 nearest keeps crisp 1 px
 * modules hard. The limits keep every enlarged view under about 0.5 Mpx: on a
 * photo or a logo each one costs time and finds nothing.
 */
export const ENLARGEMENTS: readonly { name: QrAttemptName; factor: number; kind: 'bilinear' | 'nearest'; upToSide: number }[] = [
  { name: 'zxing-enlarge-2x-bilinear', factor: 2, kind: 'bilinear', upToSide: 400 },
  { name: 'zxing-enlarge-3x-bilinear', factor: 3, kind: 'bilinear', upToSide: 250 },
  { name: 'zxing-enlarge-4x-nearest', factor: 4, kind: 'nearest', upToSide: 180 },
];
/** jsqr's fallback looks for code structure (`qrLikeness`) on a thumbnail this long at most, px. */
const LIKENESS_SIDE = 640;

interface ZxingView {
  name: QrAttemptName;
  make: () => GreyImage;
  /** View pixels per source pixel, across and down (set when the view is made). */
  scaleX: number;
  scaleY: number;
}

/**
 * Finds and decodes the QR codes in an RGBA image with ZXing, then — only if ZXing
 * read nothing — with jsqr's cascade ({@link decodeQrCodes}). ZXing's views, in
 * order, stopping at the first that reads anything:
 *
 * 1. flattened onto white; a large image shrunk to 1000 px first, then read at up
 *    to 2000 px (a hit at 1000 px is completed at 2000 px, for smaller codes
 *    beside it);
 * 2. flattened onto black, when the image has transparency (light codes drawn for
 *    dark pages);
 * 3. small images (≤ 400 px) enlarged ×2 and ×3 bilinear and ×4 nearest.
 *
 * The time budget (`timeBudgetMs` with `now`) is checked before each view and
 * handed on to jsqr. Throws what {@link decodeQrCodes} throws for bad input.
 */
export async function readQrCodes(input: RgbaImage, options: ReadQrOptions): Promise<ReadQrResult> {
  const source = checkRgbaImage(input);
  const settings = checkOptions(options);
  const clock = settings.now;
  const startedAt = clock ? clock() : 0;
  const outOfTime = () => clock !== undefined && settings.timeBudgetMs !== undefined && clock() - startedAt >= settings.timeBudgetMs;

  let attempts = 0;
  let scannedPixels = 0;
  let base: WhiteBase | null = null;
  const white = () => (base ??= whiteBase(source));
  let zxingUnavailable: string | undefined;
  const found: FoundQrCode[] = [];

  if (options.zxing) {
    try {
      let stopped = false;
      for (const view of zxingViews(source, white)) {
        if (outOfTime()) {
          stopped = true;
          break;
        }
        const image = view.make();
        attempts++;
        scannedPixels += image.width * image.height;
        const symbols = await options.zxing.read(image, settings.maxCodes);
        for (const symbol of symbols) {
          if (found.some((code) => sameBytes(code.bytes, symbol.bytes))) continue;
          found.push(toFoundCode(symbol, view));
        }
        // A hit on the 1000 px view is completed at full size; any other hit ends the search.
        if (found.length > 0 && view.name !== 'zxing-shrink-1000') break;
      }
      if (found.length > 0 || stopped) {
        const codes = found.slice(0, settings.maxCodes);
        const stoppedBy = codes.length >= settings.maxCodes ? 'max-codes' : stopped ? 'time-budget' : 'exhausted';
        return { codes, stoppedBy, attempts, scannedPixels };
      }
    } catch (error) {
      if (!(error instanceof QrEngineUnavailableError)) throw error;
      zxingUnavailable = error.message;
    }
  }

  if (options.jsqrFallback === false && !zxingUnavailable) return { codes: [], stoppedBy: 'exhausted', attempts, scannedPixels };
  // After ZXing, jsqr is worth its time only where a code's structure (eyes,
  // separators, timing) can be seen: on a photo or a logo its cascade spends the
  // whole budget and finds nothing.
  if (!zxingUnavailable && options.zxing && !looksLikeCode(white().image)) return { codes: [], stoppedBy: 'exhausted', attempts, scannedPixels };
  const remaining = settings.timeBudgetMs === undefined || !clock ? undefined : Math.max(0, settings.timeBudgetMs - (clock() - startedAt));
  const jsqrOptions = { ...options, ...(remaining === undefined ? {} : { timeBudgetMs: remaining }) };
  // A very large image ZXing already shrank is handed to jsqr shrunk (jsqr reads
  // at most 2000 px anyway): converting it again would cost as much as reading it.
  const shrunk = base !== null && (base as WhiteBase).scaleX < 1 ? (base as WhiteBase) : null;
  const jsqr = shrunk ? unscaled(decodeQrCodes(greyToRgba(shrunk.image), jsqrOptions), shrunk) : decodeQrCodes(source, jsqrOptions);
  return {
    ...jsqr,
    attempts: attempts + jsqr.attempts,
    scannedPixels: scannedPixels + jsqr.scannedPixels,
    ...(zxingUnavailable === undefined ? {} : { zxingUnavailable }),
  };
}

function looksLikeCode(base: GreyImage): boolean {
  const longest = Math.max(base.width, base.height);
  const scale = Math.min(1, LIKENESS_SIDE / longest);
  const thumbnail = scale < 1 ? downscaleArea(base, Math.max(1, Math.round(base.width * scale)), Math.max(1, Math.round(base.height * scale))) : base;
  return qrLikeness(greyToRgba(thumbnail), LIKENESS_SIDE).likely;
}

/** A result read from the shrunk base, with corners back in source pixels. */
function unscaled(result: QrDecodeResult, base: WhiteBase): QrDecodeResult {
  const back = (p: Point): Point => ({ x: p.x / base.scaleX, y: p.y / base.scaleY });
  return {
    ...result,
    codes: result.codes.map((code) => ({
      ...code,
      corners: { topLeft: back(code.corners.topLeft), topRight: back(code.corners.topRight), bottomRight: back(code.corners.bottomRight), bottomLeft: back(code.corners.bottomLeft) },
    })),
  };
}

/**
 * The image flattened onto white, no larger than 2000 px (a larger image is shrunk
 * by a whole factor while it is converted), and its scale per source pixel.
 */
interface WhiteBase {
  image: GreyImage;
  scaleX: number;
  scaleY: number;
}

function whiteBase(source: RgbaImage): WhiteBase {
  const longest = Math.max(source.width, source.height);
  const image = longest > MAX_SCAN_SIDE ? toGreyShrunk(source, WHITE, Math.ceil(longest / MAX_SCAN_SIDE)) : toGrey(source, WHITE);
  return { image, scaleX: image.width / source.width, scaleY: image.height / source.height };
}

/** ZXing's views of the image, cheapest and likeliest first; each is made only when read. */
function zxingViews(source: RgbaImage, white: () => WhiteBase): ZxingView[] {
  const longest = Math.max(source.width, source.height);
  const hasTransparency = transparentShare(source, 7) > 0;
  const views: ZxingView[] = [];
  const fromBase = (name: QrAttemptName, make: (base: GreyImage) => GreyImage, factor: number) => {
    // Scales are filled in when the view is made: the base's exact size is known only then.
    const view: ZxingView = { name, scaleX: factor, scaleY: factor, make: () => new Uint8ClampedArray() as never };
    view.make = () => {
      const base = white();
      const image = make(base.image);
      view.scaleX = (base.scaleX * image.width) / base.image.width;
      view.scaleY = (base.scaleY * image.height) / base.image.height;
      return image;
    };
    views.push(view);
  };
  if (longest > FIRST_LOOK_SIDE) {
    fromBase('zxing-shrink-1000', (base) => {
      const scale = FIRST_LOOK_SIDE / Math.max(base.width, base.height);
      return downscaleArea(base, Math.max(1, Math.round(base.width * scale)), Math.max(1, Math.round(base.height * scale)));
    }, FIRST_LOOK_SIDE / longest);
  }
  fromBase('zxing', (base) => base, 1);
  if (hasTransparency) {
    const factor = longest > MAX_SCAN_SIDE ? Math.ceil(longest / MAX_SCAN_SIDE) : 1;
    const view: ZxingView = { name: 'zxing-on-black', scaleX: 1, scaleY: 1, make: () => toGreyShrunk(source, BLACK, factor) };
    const make = view.make;
    view.make = () => {
      const image = make();
      view.scaleX = image.width / source.width;
      view.scaleY = image.height / source.height;
      return image;
    };
    views.push(view);
  }
  for (const { name, factor, kind, upToSide } of ENLARGEMENTS) {
    if (longest > upToSide) continue;
    fromBase(name, (base) => (kind === 'nearest' ? scaleNearest(base, factor) : scaleBilinear(base, base.width * factor, base.height * factor)), factor);
  }
  return views;
}

function toFoundCode(symbol: { text: string; bytes: Uint8Array; version: number; corners: readonly Point[] }, view: ZxingView): FoundQrCode {
  const back = (p: Point | undefined): Point => ({ x: (p?.x ?? 0) / view.scaleX, y: (p?.y ?? 0) / view.scaleY });
  return {
    text: symbol.text,
    bytes: [...symbol.bytes],
    version: symbol.version,
    corners: { topLeft: back(symbol.corners[0]), topRight: back(symbol.corners[1]), bottomRight: back(symbol.corners[2]), bottomLeft: back(symbol.corners[3]) },
    attempt: view.name,
    engine: 'zxing',
  };
}

function sameBytes(a: readonly number[], b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
