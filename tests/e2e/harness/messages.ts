import type { Page } from 'puppeteer-core';
import { sendFromExtensionPage } from '../../../testing/page-send';

/** A background answer as a page receives it (lib/messaging/protocol.ts), loosely typed for tests. */
export interface Answer {
  ok: boolean;
  value?: unknown;
  error?: { code: string; problem?: string; message?: string };
}

/**
 * Sends one message to the background from an extension page and resolves to the
 * answer, as the pages' client does: a keep-alive beat while unanswered, resent
 * only when it provably reached no listener. The testing kit's own sender
 * (testing/page-send.ts): the tests and the kit send the same way.
 */
export const sendMessageFromPage = sendFromExtensionPage;

/** Sends one request to the background from an extension page, as the page itself would. */
export const sendFromPage = (page: Page, type: string, payload: unknown): Promise<Answer> => sendMessageFromPage(page, { type, payload }) as Promise<Answer>;
