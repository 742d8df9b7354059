import { judgeQrCandidate, qrLikeness } from '../../lib/qr/candidates';
import { SCAN_LIMITS } from '../../lib/scan/scan-limits';
import type { ScanCandidate, ScanRect, ScanRegion, ScanReport } from '../../lib/scan/scan-report';
import { imageReady, loadImage, rasteriseSvg, readPixels, TaintedError, toPngDataUrl, type Drawable } from './drawables';
import { findPageSources, visiblePart, type PageSource } from './page-sources';
import { yieldToPage } from './yield-to-page';

/*
 * The collector (docs/page-scanning.md "Collecting candidates"): finds the page's
 * likely QR codes by size and structure, without reading any payload, and
 * describes them for the background. It never changes the page.
 */

export interface CollectOptions {
  /** Likely candidates to send at most. */
  maxCandidates: number;
  /** Collection time, ms; checked between elements. */
  budgetMs: number;
  /** How long to wait for an image still loading, ms (0: skip it). */
  waitForImagesMs: number;
  /** Report areas for a screenshot (on demand); automatic detection does not. */
  includeRegions: boolean;
  /** Elements and URLs already handled (automatic detection's earlier passes); updated as this pass handles more. */
  seen?: { elements: WeakSet<Element>; urls: Set<string> };
  /** Called for an image still loading when the pass looked at it (automatic detection looks again on load). */
  onPending?: (image: HTMLImageElement) => void;
}

/** Smallest visible area worth a screenshot crop, CSS px a side (the smallest scannable code). */
const MIN_REGION_SIDE = 40;
/** Second, finer likeness look for images at least this long, px. */
const SECOND_LOOK_FROM = 480;
/** Work between two yields to the page, ms: the page gets a frame after each. */
const WORK_SLICE_MS = 12;
/** Smallest likeness thumbnail, px. */
const MIN_THUMBNAIL_SIDE = 64;
/** SVG and background images are drawn at least this many device pixels per CSS pixel. */
const MIN_RASTER_SCALE = 2;

const isHttp = (url: string) => /^https?:\/\//i.test(url);

/** Looks at the page and returns the report for the background. */
export async function collectReport(doc: Document, options: CollectOptions): Promise<ScanReport> {
  const clock = () => performance.now();
  const started = clock();
  const view = doc.defaultView;
  const viewport = { width: view?.innerWidth || 1, height: view?.innerHeight || 1 };
  const dpr = Math.min(8, Math.max(0.25, view?.devicePixelRatio || 1));
  const { sources, truncated: walkTruncated } = findPageSources(doc);

  const candidates: ScanCandidate[] = [];
  const regions: ScanRegion[] = [];
  let truncated = walkTruncated;
  let examined = 0;
  let likely = 0;
  let failed = 0;
  let lastYield = clock();

  const addRegion = (reason: ScanRegion['reason'], rect: ScanRect) => {
    if (!options.includeRegions || regions.length >= SCAN_LIMITS.maxRegions) return;
    const visible = visiblePart(rect, viewport);
    if (visible && visible.width >= MIN_REGION_SIDE && visible.height >= MIN_REGION_SIDE) regions.push({ reason, rect: visible });
  };

  // What is in view first: that is what the user is looking at.
  const inView = (s: PageSource) => visiblePart(s.rect, viewport) !== null;
  const ordered = [...sources.filter(inView), ...sources.filter((s) => !inView(s))];

  for (const source of ordered) {
    if (candidates.length >= options.maxCandidates || examined >= SCAN_LIMITS.maxExamined || clock() - started > options.budgetMs) {
      truncated = true;
      break;
    }
    if (clock() - lastYield > WORK_SLICE_MS) {
      await yieldToPage();
      lastYield = clock();
    }
    if (source.kind === 'region') {
      addRegion(source.reason, source.rect);
      continue;
    }
    const seen = options.seen;
    if (seen && (seen.elements.has(source.element) || (source.kind === 'background' && seen.urls.has(source.url)))) continue;

    let drawable: Drawable | null;
    try {
      drawable = await drawableOf(source, dpr, options);
    } catch (error) {
      // One element the browser cannot draw (a broken image, an odd SVG) does not stop the scan.
      if (!(error instanceof DOMException)) throw error;
      failed += 1;
      continue;
    }
    if (!drawable) continue;
    const verdict = judgeQrCandidate({
      renderedWidth: source.rect.width,
      renderedHeight: source.rect.height,
      naturalWidth: Math.round(drawable.width),
      naturalHeight: Math.round(drawable.height),
    });
    if (!verdict.candidate) continue;
    examined += 1;
    seen?.elements.add(source.element);
    if (source.kind === 'background') seen?.urls.add(source.url);

    // Shown but not readable here: another origin's image. The extension fetches it
    // itself, or reads its part of a screenshot.
    const unreadable = () => {
      const url = source.kind === 'img' ? source.element.currentSrc || source.element.src : source.kind === 'background' ? source.url : '';
      if ((source.kind === 'img' || source.kind === 'background') && isHttp(url) && url.length <= SCAN_LIMITS.maxUrlChars) {
        candidates.push({ kind: 'url', element: source.kind, url, rect: visiblePart(source.rect, viewport) });
      } else {
        addRegion(source.kind === 'canvas' ? 'canvas' : 'frame', source.rect);
      }
    };
    let png: string;
    try {
      if (!looksLikeCode(drawable, Math.max(source.rect.width, source.rect.height) * dpr)) continue;
      likely += 1;
      // (Firefox may let a content script read another origin's pixels but not export them.)
      png = await toPngDataUrl(drawable, SCAN_LIMITS.maxSentSide);
    } catch (error) {
      if (error instanceof TaintedError) unreadable();
      else if (error instanceof DOMException) failed += 1;
      else throw error;
      continue;
    }
    if (png.length > SCAN_LIMITS.maxPngChars) continue;
    const total = candidates.reduce((sum, c) => sum + (c.kind === 'pixels' ? c.png.length : 0), 0);
    if (total + png.length > SCAN_LIMITS.maxTotalPngChars) {
      truncated = true;
      break;
    }
    candidates.push({ kind: 'pixels', element: source.kind, png });
  }

  return {
    v: 1,
    viewport: { width: viewport.width, height: viewport.height, devicePixelRatio: dpr },
    candidates,
    regions,
    truncated,
    stats: { examined, likely, failed, elapsedMs: Math.round(clock() - started) },
  };
}

/** The pixels to judge for a source, at its own resolution; `null` when it has none yet. */
async function drawableOf(source: Exclude<PageSource, { kind: 'region' }>, dpr: number, options: CollectOptions): Promise<Drawable | null> {
  const { width: cssWidth, height: cssHeight } = source.rect;
  if (cssWidth <= 0 || cssHeight <= 0) return null;
  switch (source.kind) {
    case 'img': {
      const image = source.element;
      if (!image.complete && options.onPending) {
        options.onPending(image);
        return null;
      }
      if (!(await imageReady(image, options.waitForImagesMs))) return null;
      // An SVG file without a size of its own reports 0: draw it at its CSS size, crisply.
      if (image.naturalWidth === 0 || image.naturalHeight === 0) {
        const scale = Math.max(MIN_RASTER_SCALE, dpr);
        return { source: image, width: Math.round(cssWidth * scale), height: Math.round(cssHeight * scale) };
      }
      return { source: image, width: image.naturalWidth, height: image.naturalHeight };
    }
    case 'canvas':
      return source.element.width > 0 && source.element.height > 0 ? { source: source.element, width: source.element.width, height: source.element.height } : null;
    case 'svg':
      return rasteriseSvg(source.element, cssWidth, cssHeight, Math.max(MIN_RASTER_SCALE, dpr), Math.max(200, options.waitForImagesMs));
    case 'background': {
      const image = await loadImage(source.url, Math.max(200, options.waitForImagesMs));
      if (!image) return null;
      if (image.naturalWidth === 0 || image.naturalHeight === 0) {
        const scale = Math.max(MIN_RASTER_SCALE, dpr);
        return { source: image, width: Math.round(cssWidth * scale), height: Math.round(cssHeight * scale) };
      }
      return { source: image, width: image.naturalWidth, height: image.naturalHeight };
    }
  }
}

/**
 * The cheap structure check on a thumbnail, with a finer second look for large
 * images (small modules). The thumbnail need not be finer than twice what the page
 * shows: a code drawn at less than a device pixel per module cannot be scanned by a
 * phone either — and small decorative images then cost a fraction of the work.
 */
function looksLikeCode(drawable: Drawable, shownSide: number): boolean {
  const side = Math.max(MIN_THUMBNAIL_SIDE, Math.min(SCAN_LIMITS.thumbnailSide, Math.round(shownSide * 2)));
  if (qrLikeness(readPixels(drawable, side), side).likely) return true;
  if (side < SCAN_LIMITS.thumbnailSide || Math.max(drawable.width, drawable.height) < SECOND_LOOK_FROM) return false;
  return qrLikeness(readPixels(drawable, side * 2), side * 2).likely;
}
