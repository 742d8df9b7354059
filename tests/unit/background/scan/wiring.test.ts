import { describe, expect, it, vi } from 'vitest';
import { SCAN_COMMAND, SCAN_IMAGE_MENU, wireScanning, type ScanWiringBrowser } from '../../../../lib/background/scan';
import { scanRecordKey, writeAutoDetect } from '../../../../lib/background/scan/store';
import { createFakePorts } from '../fake-ports';
import { withFakeScan } from '../scan-fake-ports';
import { fakeEvent, settle } from '../fake-events';

/*
 * Scanning's wiring (lib/background/scan/wiring.ts, called by
 * entrypoints/background/scan-wiring.ts): which browser event scans which tab,
 * what a closing or navigating tab drops, what a revoked permission and a start
 * of the worker do to the watcher. The events are small fakes with a trigger:
 * WXT's fake browser does not implement commands, contextMenus or permissions.
 */

const TAB = 7;
const ALL_SITES = ['<all_urls>'];

/** A worker with scanning wired onto fake events; the active tab is TAB, its page shows no code. */
async function startWorker({ autoDetect = false, allSites = false } = {}) {
  const { ports, fake } = withFakeScan(createFakePorts());
  fake.allSites = allSites;
  fake.tabs.set(TAB, { tabId: TAB, windowId: 1, url: 'https://shop.example/2fa', active: true });
  fake.reports.set(TAB, { v: 1, viewport: { width: 800, height: 600, devicePixelRatio: 1 }, candidates: [], regions: [], truncated: false, stats: { examined: 0, likely: 0, failed: 0, elapsedMs: 1 } });
  if (autoDetect) await writeAutoDetect(ports, true);
  fake.calls.length = 0;
  const events = {
    onCommand: fakeEvent<[string, { id?: number }?]>(),
    onClicked: fakeEvent<[{ menuItemId: string | number }, { id?: number }?]>(),
    onInstalled: fakeEvent<[]>(),
    onStartup: fakeEvent<[]>(),
    onRemoved: fakeEvent<[number]>(),
    onUpdated: fakeEvent<[number, { status?: string; url?: string }]>(),
    onPermissionsRemoved: fakeEvent<[{ origins?: string[] }]>(),
  };
  const openPopup = vi.fn(() => Promise.resolve());
  const query = vi.fn(() => Promise.resolve([{ id: TAB }]));
  const browser: ScanWiringBrowser = {
    commands: { onCommand: events.onCommand },
    contextMenus: { onClicked: events.onClicked },
    runtime: { onInstalled: events.onInstalled, onStartup: events.onStartup },
    tabs: { query, onRemoved: events.onRemoved, onUpdated: events.onUpdated },
    permissions: { onRemoved: events.onPermissionsRemoved },
    action: { openPopup },
  };
  const createMenus = vi.fn();
  wireScanning(browser, ports, { createMenus, allSitesOrigins: ALL_SITES });
  await settle();
  return { ports, fake, events, openPopup, query, createMenus };
}

type Worker = Awaited<ReturnType<typeof startWorker>>;

describe('gestures that scan', () => {
  it.each<{ gesture: string; fire: (w: Worker) => void; scanned: boolean; askedActiveTab: boolean }>([
    { gesture: 'the scan shortcut on a tab', fire: (w) => w.events.onCommand.fire(SCAN_COMMAND, { id: TAB }), scanned: true, askedActiveTab: false },
    { gesture: 'the scan shortcut with no tab (the active one is asked for)', fire: (w) => w.events.onCommand.fire(SCAN_COMMAND), scanned: true, askedActiveTab: true },
    { gesture: 'another command (fill)', fire: (w) => w.events.onCommand.fire('fill-code', { id: TAB }), scanned: false, askedActiveTab: false },
    { gesture: 'the image menu item', fire: (w) => w.events.onClicked.fire({ menuItemId: SCAN_IMAGE_MENU }, { id: TAB }), scanned: true, askedActiveTab: false },
    { gesture: 'the image menu item without a tab', fire: (w) => w.events.onClicked.fire({ menuItemId: SCAN_IMAGE_MENU }), scanned: false, askedActiveTab: false },
    { gesture: 'another menu item (fill)', fire: (w) => w.events.onClicked.fire({ menuItemId: 'fill-code' }, { id: TAB }), scanned: false, askedActiveTab: false },
  ])('$gesture → scanned: $scanned', async ({ fire, scanned, askedActiveTab }) => {
    const worker = await startWorker();
    fire(worker);
    // A scan decodes for real: wait for its end (the popup opening), not a fixed time.
    if (scanned) await vi.waitFor(() => expect(worker.openPopup).toHaveBeenCalled(), { timeout: 5000 });
    else await settle();
    expect(worker.fake.calls.includes(`collect ${TAB}`)).toBe(scanned);
    expect(worker.openPopup).toHaveBeenCalledTimes(scanned ? 1 : 0);
    expect(worker.query).toHaveBeenCalledTimes(askedActiveTab ? 1 : 0);
  });

  it('a page the browser refuses to read opens no popup, and nothing throws', async () => {
    const worker = await startWorker();
    worker.fake.reports.set(TAB, new Error('Cannot access contents of the page.'));
    worker.fake.screenshot = null;
    worker.events.onCommand.fire(SCAN_COMMAND, { id: TAB });
    await settle();
    expect(worker.fake.calls).toContain(`collect ${TAB}`);
    expect(worker.openPopup).not.toHaveBeenCalled();
  });

  it('a browser that refuses to open the popup (Firefox, not straight from the user) still leaves the count on the badge', async () => {
    const worker = await startWorker();
    worker.openPopup.mockImplementation(() => Promise.reject(new Error('openPopup requires a user gesture')));
    worker.events.onCommand.fire(SCAN_COMMAND, { id: TAB });
    await vi.waitFor(() => expect(worker.openPopup).toHaveBeenCalled(), { timeout: 5000 });
    expect(worker.fake.badges.get(TAB)).toBe(0);
  });
});

describe('tabs closing and navigating', () => {
  it.each<{ event: string; fire: (w: Worker) => void; dropped: boolean }>([
    { event: 'the tab closes', fire: (w) => w.events.onRemoved.fire(TAB), dropped: true },
    { event: 'another page starts loading', fire: (w) => w.events.onUpdated.fire(TAB, { status: 'loading', url: 'https://other.example/' }), dropped: true },
    { event: 'the same page reloads (loading, no new url)', fire: (w) => w.events.onUpdated.fire(TAB, { status: 'loading' }), dropped: false },
    { event: 'the page finishes loading', fire: (w) => w.events.onUpdated.fire(TAB, { status: 'complete', url: 'https://shop.example/2fa' }), dropped: false },
    { event: 'another tab closes', fire: (w) => w.events.onRemoved.fire(TAB + 1), dropped: false },
  ])('$event → found codes dropped: $dropped', async ({ fire, dropped }) => {
    const worker = await startWorker();
    const key = scanRecordKey({ tabId: TAB });
    await worker.ports.session.set(key, { marker: 'found codes' });
    worker.fake.badges.set(TAB, 2);
    fire(worker);
    await settle();
    expect((await worker.ports.session.get(key)) === undefined).toBe(dropped);
  });

  it('navigating away clears the badge count', async () => {
    const worker = await startWorker();
    worker.fake.badges.set(TAB, 2);
    worker.events.onUpdated.fire(TAB, { status: 'loading', url: 'https://other.example/' });
    await settle();
    expect(worker.fake.badges.get(TAB)).toBe(0);
  });
});

describe('the watcher and the menus', () => {
  it.each([
    { autoDetect: false, allSites: false, registered: false },
    { autoDetect: true, allSites: false, registered: false },
    { autoDetect: false, allSites: true, registered: false },
    { autoDetect: true, allSites: true, registered: true },
  ])('a worker starting with auto-detect $autoDetect and all-sites access $allSites registers the watcher: $registered', async ({ autoDetect, allSites, registered }) => {
    const worker = await startWorker({ autoDetect, allSites });
    expect(worker.fake.watcherRegistered).toBe(registered);
  });

  it.each([
    { origins: ['<all_urls>'], unregistered: true },
    { origins: ['https://shop.example/*'], unregistered: false },
    { origins: undefined, unregistered: false },
  ])('permission taken back for $origins → watcher unregistered: $unregistered', async ({ origins, unregistered }) => {
    const worker = await startWorker({ autoDetect: true, allSites: true });
    worker.fake.calls.length = 0;
    worker.events.onPermissionsRemoved.fire(origins === undefined ? {} : { origins });
    await settle();
    expect(worker.fake.calls.includes('watcher false')).toBe(unregistered);
  });

  it.each(['onInstalled', 'onStartup'] as const)('runtime.%s creates the context menus', async (event) => {
    const worker = await startWorker();
    expect(worker.createMenus).not.toHaveBeenCalled();
    worker.events[event].fire();
    expect(worker.createMenus).toHaveBeenCalledTimes(1);
  });
});
