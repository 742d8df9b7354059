import { browser } from 'wxt/browser';
import type { RgbaImage } from '../../lib/qr/rgba-image';
import { createZxingReader, ZXING_WASM_FILE } from '../../lib/qr/zxing-reader';
import { checkImageSize } from '../../lib/scan/image-header';
import { ScanNotAllowedError } from '../../lib/background/scan';
import type { ScanPorts } from '../../lib/background/scan';

/*
 * Scanning's browser side (docs/page-scanning.md): tabs, script injection,
 * screenshots, and images into pixels — with createImageBitmap and OffscreenCanvas,
 * which Chrome's service worker and Firefox's event page both have, so no
 * offscreen document is needed.
 */

/** The watcher's id among the extension's registered content scripts. */
export const WATCH_SCRIPT_ID = 'hikae-qr-watch';
/** The optional host permission automatic detection asks for. */
export const ALL_SITES = { origins: ['<all_urls>'] };

const FETCH_TIMEOUT_MS = 5000;
const FETCH_MAX_BYTES = 10 * 1024 * 1024;
/** SVG files (Firefox only: the service worker cannot draw them) are drawn this wide when they have no size. */
const SVG_FALLBACK_SIDE = 1024;

const FOUND_BADGE_COLOUR = '#1a73e8';
/** Wait before a second capture when Chrome's two-a-second quota refused the first, ms. */
const CAPTURE_QUOTA_WAIT_MS = 600;

function pixelsOf(source: CanvasImageSource, width: number, height: number, maxSide: number): RgbaImage {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const canvas = new OffscreenCanvas(w, h);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D context for an OffscreenCanvas.');
  context.drawImage(source, 0, 0, w, h);
  const image = context.getImageData(0, 0, w, h);
  return { data: image.data, width: w, height: h };
}

/** A raster image file's pixels, at most `maxSide` px on the long side. */
async function blobPixels(blob: Blob, maxSide: number): Promise<RgbaImage> {
  if (blob.type === 'image/svg+xml') return svgPixels(blob, maxSide);
  // The size in the header first: a few kilobytes can claim 30000×30000 px.
  checkImageSize(new Uint8Array(await blob.arrayBuffer()));
  const bitmap = await createImageBitmap(blob);
  try {
    return pixelsOf(bitmap, bitmap.width, bitmap.height, maxSide);
  } finally {
    bitmap.close();
  }
}

/** SVG needs a document to draw it: Firefox's event page has one, Chrome's service worker does not. */
async function svgPixels(blob: Blob, maxSide: number): Promise<RgbaImage> {
  if (typeof document === 'undefined') throw new Error('SVG images cannot be drawn in a service worker.');
  const url = URL.createObjectURL(blob);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const width = image.naturalWidth || SVG_FALLBACK_SIDE;
    const height = image.naturalHeight || SVG_FALLBACK_SIDE;
    return pixelsOf(image, width, height, maxSide);
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function createScanPorts(): ScanPorts {
  return {
    async tab(tabId) {
      try {
        const tab = await browser.tabs.get(tabId);
        return { tabId, windowId: tab.windowId ?? -1, url: tab.url ?? null, active: tab.active };
      } catch {
        return null;
      }
    },

    async collect(tabId) {
      let results;
      try {
        results = await browser.scripting.executeScript({ target: { tabId }, files: ['/scan-page.js'] });
      } catch (error) {
        throw new ScanNotAllowedError(error instanceof Error ? error.message : String(error), { cause: error });
      }
      const first = results[0] as { result?: unknown; error?: unknown } | undefined;
      if (!first || first.error !== undefined) throw new ScanNotAllowedError('The page scanner did not run to the end.', { cause: first?.error });
      return first.result;
    },

    async captureVisible(windowId) {
      let dataUrl: string;
      try {
        dataUrl = await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
      } catch (first) {
        // Chrome allows two captures a second: a quick "Scan again" waits once, then gives up.
        if (!String(first).includes('MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND')) {
          throw new ScanNotAllowedError(first instanceof Error ? first.message : String(first), { cause: first });
        }
        await new Promise((resolve) => setTimeout(resolve, CAPTURE_QUOTA_WAIT_MS));
        try {
          dataUrl = await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
        } catch (error) {
          throw new ScanNotAllowedError(error instanceof Error ? error.message : String(error), { cause: error });
        }
      }
      return blobPixels(await (await fetch(dataUrl)).blob(), Number.MAX_SAFE_INTEGER);
    },

    async pngPixels(dataUrl) {
      return blobPixels(await (await fetch(dataUrl)).blob(), Number.MAX_SAFE_INTEGER);
    },

    async fetchImage(url, maxSide, rules) {
      // No cookies and no referrer: the page asked for this URL, the extension should
      // not vouch for the user to another site.
      const response = await fetch(url, {
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        redirect: 'follow',
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
      // Redirected where the page could not have sent us directly: nothing is read.
      if (response.redirected && !rules.redirectAllowed(response.url)) throw new Error('The image redirected to a host the scanner may not fetch from.');
      if (!response.ok) throw new Error(`The image answered ${response.status}.`);
      const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!type.startsWith('image/')) throw new Error(`Not an image: ${type || 'no type'}.`);
      if (Number(response.headers.get('content-length') ?? 0) > FETCH_MAX_BYTES) throw new Error('The image is too large.');
      const blob = await response.blob();
      if (blob.size > FETCH_MAX_BYTES) throw new Error('The image is too large.');
      return blobPixels(blob.type ? blob : new Blob([blob], { type }), maxSide);
    },

    clock: () => performance.now(),

    // The WebAssembly packaged with the extension (wxt.config.ts), fetched from the
    // extension itself: never from a CDN, the library's default.
    zxing: createZxingReader(async () => {
      const response = await fetch(new URL(ZXING_WASM_FILE, browser.runtime.getURL('/')).href);
      if (!response.ok) throw new Error(`${ZXING_WASM_FILE} answered ${response.status}.`);
      return response.arrayBuffer();
    }),

    async showFoundCount(tabId, count) {
      try {
        // null, not '': the tab goes back to the global badge (the backup's "!").
        // (Both browsers document null for this; the type only lists strings.)
        await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : (null as unknown as string) });
        if (count > 0) await browser.action.setBadgeBackgroundColor({ tabId, color: FOUND_BADGE_COLOUR });
      } catch {
        // The tab closed meanwhile: there is no badge to show.
      }
    },

    hasAllSitesAccess: () => browser.permissions.contains(ALL_SITES),

    async setWatcherRegistered(registered) {
      const existing = await browser.scripting.getRegisteredContentScripts({ ids: [WATCH_SCRIPT_ID] });
      if (registered && existing.length === 0) {
        await browser.scripting.registerContentScripts([
          { id: WATCH_SCRIPT_ID, js: ['/scan-watch.js'], matches: ['http://*/*', 'https://*/*'], runAt: 'document_idle', allFrames: false, persistAcrossSessions: true },
        ]);
      } else if (!registered && existing.length > 0) {
        await browser.scripting.unregisterContentScripts({ ids: [WATCH_SCRIPT_ID] });
      }
    },
  };
}
