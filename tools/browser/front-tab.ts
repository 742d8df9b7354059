import type { ExtensionBrowser } from './launch';

/**
 * The id of the tab in front in Chromium, asked from the extension's service worker (the
 * page side cannot know its own tab id without a message). Firefox has no service worker
 * target: tests ask the browser window instead (tests/e2e/pages/scan-driver.ts).
 */
export async function chromiumFrontTabId(ext: ExtensionBrowser): Promise<number> {
  const target = await ext.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(ext.origin));
  const worker = (await target.worker())!;
  return worker.evaluate(async () => {
    type Tabs = { tabs: { query(q: object): Promise<{ id?: number }[]> } };
    const tabs = await (globalThis as unknown as { chrome: Tabs }).chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tabs[0]!.id!;
  });
}
