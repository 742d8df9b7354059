import type { RgbaImage } from '../../../lib/qr/rgba-image';
import { ScanNotAllowedError } from '../../../lib/background/scan';
import { withScanPorts, type ScanCapablePorts, type ScanPorts, type ScanTab } from '../../../lib/background/scan';
import { nodeZxingReader } from '../../fixtures/qr-corpus-generator/node-zxing';
import type { FakePorts } from './fake-ports';

/*
 * In-memory scanning ports: tabs, what the collector "returns" per tab, the pixels
 * behind each PNG data URL and remote image, the screenshot, and what the badge
 * and the watcher registration were set to.
 */

export interface FakeScan extends ScanPorts {
  tabs: Map<number, ScanTab>;
  /** The collector's raw result per tab; an Error is thrown as the browser refusing. */
  reports: Map<number, unknown>;
  /** Pixels behind PNG data URLs (see {@link pngFor}). */
  images: Map<string, RgbaImage>;
  /** Remote images by URL; a missing URL fails like a CORS refusal. */
  remote: Map<string, RgbaImage>;
  /** The screenshot; null: the browser refuses it. */
  screenshot: RgbaImage | null;
  badges: Map<number, number>;
  allSites: boolean;
  watcherRegistered: boolean;
  /** Every port call, in order ("collect 7", "capture 1", "fetch https://…"). */
  calls: string[];
}

let counter = 0;

/** A distinct, schema-valid PNG data URL standing for `image` in `fake`. */
export function pngFor(fake: FakeScan, image: RgbaImage): string {
  counter += 1;
  const url = `data:image/png;base64,${Buffer.from(`candidate-${counter}`).toString('base64')}`;
  fake.images.set(url, image);
  return url;
}

export function createFakeScan(): FakeScan {
  const fake: FakeScan = {
    tabs: new Map(),
    reports: new Map(),
    images: new Map(),
    remote: new Map(),
    screenshot: null,
    // The real engine over the packaged WebAssembly's bytes, as the extension reads.
    zxing: nodeZxingReader(),
    badges: new Map(),
    allSites: false,
    watcherRegistered: false,
    calls: [],
    async tab(tabId) {
      return fake.tabs.get(tabId) ?? null;
    },
    async collect(tabId) {
      fake.calls.push(`collect ${tabId}`);
      const report = fake.reports.get(tabId);
      if (report instanceof Error) throw report;
      if (report === undefined) throw new ScanNotAllowedError('Cannot access contents of the page.');
      return structuredClone(report);
    },
    async captureVisible(windowId) {
      fake.calls.push(`capture ${windowId}`);
      if (!fake.screenshot) throw new ScanNotAllowedError('Missing activeTab permission');
      return fake.screenshot;
    },
    async pngPixels(dataUrl) {
      const image = fake.images.get(dataUrl);
      if (!image) throw new Error('The source image could not be decoded.');
      return image;
    },
    async fetchImage(url) {
      fake.calls.push(`fetch ${url}`);
      const image = fake.remote.get(url);
      if (!image) throw new TypeError('Failed to fetch');
      return image;
    },
    clock: () => performance.now(),
    async showFoundCount(tabId, count) {
      fake.badges.set(tabId, count);
    },
    async hasAllSitesAccess() {
      return fake.allSites;
    },
    async setWatcherRegistered(registered) {
      fake.calls.push(`watcher ${registered}`);
      fake.watcherRegistered = registered;
    },
  };
  return fake;
}

/** `ports` with fake scanning wired in (as the background entrypoint wires the real one). */
export function withFakeScan(ports: FakePorts): { ports: FakePorts & ScanCapablePorts; fake: FakeScan } {
  const fake = createFakeScan();
  return { ports: withScanPorts(ports, fake), fake };
}
