import type { RgbaImage } from '../../qr/rgba-image';
import type { ZxingReader } from '../../qr/zxing-reader';
import type { FetchRules } from './decode';
import type { BackgroundPorts } from '../core';
import { ScanNotWiredError } from './errors';

/*
 * What scanning needs from the browser beyond BackgroundPorts: tabs, script
 * injection, screenshots, image decoding and the badge. The background entrypoint
 * wires these (entrypoints/background/scan-ports.ts); tests pass fakes.
 */

/** A tab as the browser reports it. `url` is `null` when the extension may not see it. */
export interface ScanTab {
  tabId: number;
  windowId: number;
  url: string | null;
  /** The tab is the one shown in its window (only that one can be captured). */
  active: boolean;
}

export interface ScanPorts {
  /** The tab, or `null` when it does not exist. */
  tab(tabId: number): Promise<ScanTab | null>;
  /**
   * Runs the collector (scan-page.js) in the tab's top frame and resolves to what it
   * returned, unchecked. Throws ScanNotAllowedError when the browser refuses
   * (no activeTab grant, a browser page, an add-on store, a PDF viewer).
   */
  collect(tabId: number): Promise<unknown>;
  /** A screenshot of the tab shown in a window, in device pixels. Throws ScanNotAllowedError when refused. */
  captureVisible(windowId: number): Promise<RgbaImage>;
  /** The pixels of a PNG data URL. Throws when it is not a readable image or its header says over 16 Mpx. */
  pngPixels(dataUrl: string): Promise<RgbaImage>;
  /**
   * Fetches an image from the web without cookies (`credentials: 'omit'`) and returns
   * its pixels, shrunk to at most `maxSide` px on the long side; a redirect is
   * followed only where `rules` allow. Throws when the request, its type or size,
   * the size in its header (ImageTooLargeError over 16 Mpx), or the decoding fails.
   */
  fetchImage(url: string, maxSide: number, rules: FetchRules): Promise<RgbaImage>;
  /** A monotonic clock for decoding budgets, ms. */
  clock(): number;
  /** ZXing over the WebAssembly packaged with the extension (never fetched from elsewhere); `null`: jsqr alone. */
  zxing: ZxingReader | null;
  /** Shows on the tab's toolbar badge how many codes wait to be added; 0 gives the tab the global badge back. */
  showFoundCount(tabId: number, count: number): Promise<void>;
  /** Whether the optional `<all_urls>` host permission (automatic detection) is granted. */
  hasAllSitesAccess(): Promise<boolean>;
  /** Registers or unregisters the automatic watcher (scan-watch.js) on every page. */
  setWatcherRegistered(registered: boolean): Promise<void>;
}

/** Background ports with scanning wired in. */
export interface ScanCapablePorts extends BackgroundPorts {
  scan: ScanPorts;
}

/** `ports` with scanning wired in (the background entrypoint calls this once per start). */
export function withScanPorts<P extends BackgroundPorts>(ports: P, scan: ScanPorts): P & ScanCapablePorts {
  return Object.assign(ports, { scan });
}

/** The scanning ports of `ports`; a build that did not wire them fails loudly. */
export function scanPortsOf(ports: BackgroundPorts): ScanPorts {
  const scan = (ports as Partial<ScanCapablePorts>).scan;
  if (!scan) throw new ScanNotWiredError();
  return scan;
}
