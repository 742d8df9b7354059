import type { Frame, Page } from 'puppeteer-core';
import { chromiumFrontTabId } from '../../../tools/browser/front-tab';
import type { ExtensionBrowser } from '../../../tools/browser/launch';
import { sendMessageFromPage } from '../harness/messages';
import { waitFor } from '../harness/ui';
import { chromiumOpenToolbarPopup, firefoxChromeEval, firefoxClickToolbarButton, firefoxOpenInNewWindow, firefoxPressShortcut, firefoxSelectedTabId } from './scan-driver';

/*
 * Driving the fill gestures as a person does, in each browser (docs/autofill.md).
 * The activeTab grant always comes from a real gesture: Chromium's toolbar button
 * (CDP), Firefox's toolbar button or shortcut (chrome scope over BiDi). What
 * Puppeteer cannot do — press an extension shortcut in Chromium, click a browser
 * context menu in either — runs the same background code (onFillCommand,
 * onFillMenu) through the test build's `hikae.test-gesture` message.
 */

/** Sends a message to the background from an extension page; resolves to the answer (harness/messages.ts). */
export const sendFromPage = sendMessageFromPage;

/** The id of the tab shown in front (Chromium: asked from the service worker; Firefox: the browser window). */
export async function frontTabId(ext: ExtensionBrowser): Promise<number> {
  return ext.kind === 'firefox' ? firefoxSelectedTabId(ext.browser) : chromiumFrontTabId(ext);
}

/**
 * Clicks the toolbar button with `page` in front (the activeTab grant) and returns an
 * extension page to send requests from: Chromium's real popup, or in Firefox the
 * popup page in a window of its own (the real one is not a Puppeteer page).
 */
export async function grantAndOpenControl(ext: ExtensionBrowser, page: Page): Promise<{ control: Page; tabId: number }> {
  await page.bringToFront();
  const tabId = await frontTabId(ext);
  if (ext.kind === 'chromium') return { control: await chromiumOpenToolbarPopup(ext, page), tabId };
  await firefoxClickToolbarButton(ext.browser);
  return { control: await firefoxOpenInNewWindow(ext, `${ext.origin}popup.html?tab=${tabId}`), tabId };
}

/** An extension page to send requests from, WITHOUT any gesture on the tab (the site page keeps no grant). */
export async function openControlWithoutGesture(ext: ExtensionBrowser, page: Page): Promise<{ control: Page; tabId: number }> {
  await page.bringToFront();
  const tabId = await frontTabId(ext);
  const control = ext.kind === 'chromium' ? await ext.open('popup.html') : await firefoxOpenInNewWindow(ext, `${ext.origin}popup.html?tab=${tabId}`);
  return { control, tabId };
}

/**
 * Closes a control page. In Firefox it lives in a window of its own: wait until that
 * window is gone, so the next shortcut goes to the site's window and not to one
 * still closing.
 */
export async function closeControl(ext: ExtensionBrowser, control: Page): Promise<void> {
  await control.close();
  if (ext.kind !== 'firefox') return;
  const windows = () => firefoxChromeEval<number>(ext.browser, `[...Services.wm.getEnumerator('navigator:browser')].filter((w) => !w.closed).length`);
  for (let i = 0; i < 100 && (await windows()) > 1; i++) await new Promise((r) => setTimeout(r, 50));
}

export type Gesture = 'shortcut' | 'menu';

/**
 * Fills with the shortcut or the context menu on `page` and resolves when the
 * background is done. Firefox's shortcut is pressed for real; otherwise the
 * gesture's own code path runs after a real toolbar click granted activeTab.
 */
export async function fillWithGesture(ext: ExtensionBrowser, page: Page, gesture: Gesture, frameId?: number): Promise<void> {
  if (gesture === 'shortcut' && ext.kind === 'firefox') {
    await page.bringToFront();
    await firefoxPressShortcut(ext.browser, 'fill-code');
    return;
  }
  const { control, tabId } = await grantAndOpenControl(ext, page);
  try {
    await sendFromPage(control, { kind: 'hikae.test-gesture', gesture: gesture === 'shortcut' ? 'command' : 'menu', tabId, ...(frameId === undefined ? {} : { frameId }) });
  } finally {
    await closeControl(ext, control);
  }
}

/** The value of a field in a page or frame. */
export const valueOf = (where: Page | Frame, selector: string) => where.$eval(selector, (el) => (el as HTMLInputElement).value);

/** Waits until the field holds `length` characters. */
export async function waitForValue(page: Page, selector: string, length: number): Promise<string> {
  await waitFor(page, new Function(`return (document.querySelector(${JSON.stringify(selector)})?.value ?? '').length === ${length}`) as () => boolean, { what: `${selector} filled` });
  return valueOf(page, selector);
}

/** What the page observed of the extension: DOM mutations and window messages. */
export const seenBy = (where: Page | Frame) => where.evaluate(() => (window as unknown as { seen: { mutations: number; messages: number } }).seen);
