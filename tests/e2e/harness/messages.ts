import type { Page } from 'puppeteer-core';

/** A background answer as a page receives it (lib/messaging/protocol.ts), loosely typed for tests. */
export interface Answer {
  ok: boolean;
  value?: unknown;
  error?: { code: string; problem?: string; message?: string };
}

/** Sends one request to the background from an extension page, as the page itself would. */
export function sendFromPage(page: Page, type: string, payload: unknown): Promise<Answer> {
  return page.evaluate(
    (t, p) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<never> } } }).chrome.runtime.sendMessage({ type: t, payload: p }),
    type,
    payload as never,
  );
}
