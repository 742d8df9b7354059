import type { Browser, Page } from 'puppeteer-core';
import { createClient, type RequestFunction } from '../lib/messaging/client.js';
import { openExtensionPage } from './extension-page.js';
import type { BrowserKind } from './launch.js';
import { sendFromExtensionPage } from './page-send.js';

/*
 * The kit talks to the extension exactly as the extension's own pages do: from
 * an extension page, with runtime.sendMessage, through the background's one
 * router (sender check, payload schema, typed failures). It has no other door.
 * Each message goes as the pages' client sends it: a keep-alive beat while
 * unanswered, resent only when it provably reached no listener (page-send.ts).
 */

/** The page the kit sends its requests from: the popup's document, opened as a tab, not rendered into. */
const DRIVER_PAGE = 'popup.html';

export interface Driver {
  request: RequestFunction;
  /** Runs a function in the extension page (storage reset). */
  evaluate<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function createDriver(browser: Browser, kind: BrowserKind, origin: string): Driver {
  let page: Promise<Page> | undefined;
  const driverPage = async (): Promise<Page> => {
    const current = page ? await page.catch(() => undefined) : undefined;
    if (current && !current.isClosed()) return current;
    page = openExtensionPage(browser, kind, origin + DRIVER_PAGE, { waitForRender: false });
    return page;
  };
  // The page sends, beats and resends itself: the client's own resend is not added on top (3 sends at most, not 9).
  const request = createClient(async (message) => sendFromExtensionPage(await driverPage(), message), { resend: { delaysMs: [], sleep: () => Promise.resolve() } });
  return {
    request,
    async evaluate(fn) {
      const p = await driverPage();
      return p.evaluate(fn);
    },
    async close() {
      const current = page ? await page.catch(() => undefined) : undefined;
      page = undefined;
      if (current && !current.isClosed()) await current.close();
    },
  };
}
