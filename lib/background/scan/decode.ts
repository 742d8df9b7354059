import { qrLikeness } from '../../qr/candidates';
import { readQrCodes } from '../../qr/read-qr-codes';
import type { ZxingReader } from '../../qr/zxing-reader';
import type { RgbaImage } from '../../qr/rgba-image';
import { cropImage, regionInScreenshot } from '../../scan/crop';
import { imageFetchVerdict } from '../../scan/image-fetch-policy';
import { ImageTooLargeError } from '../../scan/image-header';
import { isOtpText } from '../../scan/kept-texts';
import { DECODE_BUDGETS, SCAN_LIMITS } from '../../scan/scan-limits';
import type { ScanRect, ScanReport } from '../../scan/scan-report';
import { ScanNotAllowedError } from './errors';

/** What decoding needs: the scanning ports' image functions and clock. */
export interface DecodeAccess {
  pngPixels(dataUrl: string): Promise<RgbaImage>;
  fetchImage(url: string, maxSide: number, rules: FetchRules): Promise<RgbaImage>;
  /** The screenshot, or `null` when none may be taken (a tab not shown, automatic detection). */
  capture: (() => Promise<RgbaImage>) | null;
  clock(): number;
  /** ZXing over the packaged WebAssembly, read first; `null`: jsqr alone. */
  zxing: ZxingReader | null;
  /** The page the images are fetched for (the browser's word, not the page's) and whether no click asked for it. */
  page: { url: string | null; automatic: boolean };
}

/** How a fetch may go: a redirect is followed only to a URL the same rules allow. */
export interface FetchRules {
  redirectAllowed(url: string): boolean;
}

/**
 * Why an image was not decoded: a URL refused before any request, or an image whose
 * header claims more than 16 Mpx (docs/page-scanning.md "Caps"). `host` is the
 * image's host (`null`: the page's own pixels); the page chose it, so it is bounded.
 */
export type ImageRefusal =
  | { reason: 'private-host' | 'other-site' | 'not-http'; host: string | null }
  | { reason: 'too-large'; host: string | null; width: number; height: number };

export interface DecodeOutcome {
  /** Our texts (otpauth / otpauth-migration) in the order read; others are dropped here. */
  texts: string[];
  /** QR codes read that were not ours (ignored quietly, counted for diagnostics). */
  otherCodes: number;
  /** Images handed to the decoder. */
  decodedImages: number;
  /** Images that could not be read as pixels (a corrupt PNG, a failed fetch): skipped. */
  unreadable: number;
  /** Image URLs refused before any request (a private host, another site for automatic detection). */
  refusedFetches: number;
  /** Each image refused (a URL before any request, a header over 16 Mpx), in order; at most one per candidate. */
  refusals: ImageRefusal[];
  /** A screenshot was taken. */
  screenshot: boolean;
  /** A screenshot was wanted but the browser refused it (what the DOM gave still counts). */
  screenshotRefused: boolean;
  /** The time budget ran out before everything was looked at. */
  outOfTime: boolean;
  elapsedMs: number;
}

/** Codes per image: a page showing more than this in one image is not an enrollment page. */
const MAX_CODES_PER_IMAGE = 8;
/** Long-side limit, px, of an image fetched from another origin (decoding never reads more). */
const FETCH_MAX_SIDE = SCAN_LIMITS.maxSentSide;

/** A URL's host as a refusal names it: at most 253 characters (a DNS name's most), `null` when it has none. */
function hostOf(url: string): string | null {
  try {
    return new URL(url).host.slice(0, 253) || null;
  } catch {
    return null;
  }
}

/**
 * Reads the QR codes a page's report points at (docs/page-scanning.md "Decoding"):
 * the pixel candidates, then the images from other origins (fetched), then the
 * regions the DOM could not give, cut out of one screenshot at device resolution —
 * or the whole screenshot when the report is `null` (the collector could not run).
 * One time budget covers it all, checked before each image; a failure to read one
 * image skips that image only.
 */
export async function decodeReport(report: ScanReport | null, access: DecodeAccess, budgetMs: number): Promise<DecodeOutcome> {
  const started = access.clock();
  const outcome: DecodeOutcome = { texts: [], otherCodes: 0, decodedImages: 0, unreadable: 0, refusedFetches: 0, refusals: [], screenshot: false, screenshotRefused: false, outOfTime: false, elapsedMs: 0 };
  const remaining = () => budgetMs - (access.clock() - started);

  const decode = async (image: RgbaImage) => {
    outcome.decodedImages += 1;
    // Each image gets at most its own share, so one hard image cannot hold the scan up.
    const timeBudgetMs = Math.max(1, Math.min(DECODE_BUDGETS.perImageMs, remaining()));
    const result = await readQrCodes(image, { zxing: access.zxing, maxCodes: MAX_CODES_PER_IMAGE, timeBudgetMs, now: access.clock });
    for (const code of result.codes) {
      if (isOtpText(code.text)) outcome.texts.push(code.text.trim());
      else outcome.otherCodes += 1;
    }
  };
  /** An image that could not be read: counted, and named when its header was over the cap. */
  const skip = (error: unknown, host: string | null) => {
    outcome.unreadable += 1;
    if (error instanceof ImageTooLargeError) outcome.refusals.push({ reason: 'too-large', host, width: error.width, height: error.height });
  };
  const inTime = () => {
    if (remaining() > 0) return true;
    outcome.outOfTime = true;
    return false;
  };

  const fromScreenshot: ScanRect[] = [];
  if (report) {
    for (const candidate of report.candidates) {
      if (candidate.kind !== 'pixels') continue;
      if (!inTime()) break;
      let image: RgbaImage;
      try {
        image = await access.pngPixels(candidate.png);
      } catch (error) {
        skip(error, null);
        continue;
      }
      await decode(image);
    }
    for (const candidate of report.candidates) {
      if (candidate.kind !== 'url') continue;
      if (!inTime()) break;
      // The page chose this URL: no way into the user's network, and no other site without a click.
      const verdict = imageFetchVerdict(candidate.url, access.page.url, access.page.automatic);
      if (!verdict.ok) {
        outcome.refusedFetches += 1;
        outcome.refusals.push({ reason: verdict.reason, host: hostOf(candidate.url) });
        if (candidate.rect) fromScreenshot.push(candidate.rect);
        continue;
      }
      const rules: FetchRules = { redirectAllowed: (url) => imageFetchVerdict(url, access.page.url, access.page.automatic).ok };
      let image: RgbaImage;
      try {
        image = await access.fetchImage(candidate.url, FETCH_MAX_SIDE, rules);
      } catch (error) {
        skip(error, hostOf(candidate.url));
        if (candidate.rect) fromScreenshot.push(candidate.rect);
        continue;
      }
      // The page could not judge these pixels: the cheap structure check first.
      if (!qrLikeness(image).likely) continue;
      const before = outcome.texts.length + outcome.otherCodes;
      await decode(image);
      if (outcome.texts.length + outcome.otherCodes === before && candidate.rect) fromScreenshot.push(candidate.rect);
    }
    fromScreenshot.push(...report.regions.map((region) => region.rect));
  }

  const wantsScreenshot = report === null || fromScreenshot.length > 0;
  if (wantsScreenshot && access.capture && inTime()) {
    let screenshot: RgbaImage;
    try {
      screenshot = await access.capture();
    } catch (error) {
      // Nothing else to read: the caller reports why. Otherwise what the DOM gave stands.
      if (report === null || !(error instanceof ScanNotAllowedError)) throw error;
      outcome.screenshotRefused = true;
      outcome.elapsedMs = access.clock() - started;
      return outcome;
    }
    outcome.screenshot = true;
    if (report === null) {
      await decode(screenshot);
    } else {
      for (const rect of fromScreenshot) {
        if (!inTime()) break;
        const box = regionInScreenshot(rect, report.viewport.width, screenshot);
        if (box && box.width >= 21 && box.height >= 21) await decode(cropImage(screenshot, box));
      }
    }
  }
  outcome.elapsedMs = access.clock() - started;
  return outcome;
}
