import type { Page } from 'puppeteer-core';
import { KEEP_ALIVE_EVERY_MS, KEEP_ALIVE_MESSAGE } from '../lib/messaging/client.js';
import { DEFAULT_RESEND, resendingUndelivered, type ResendPolicy } from '../lib/messaging/resend.js';

/*
 * Sending one message to the background from an extension page that Puppeteer
 * drives, as the extension's own pages send (lib/messaging/client.ts):
 *
 * - A keep-alive beat every 500 ms while the answer is owed: Firefox suspends an
 *   idle event page even while it owes an answer (the kit's requests include
 *   Argon2 runs and whole imports, which outlast Firefox's idle timeout).
 * - Resent only when runtime.sendMessage rejected with exactly the browser's
 *   "Receiving end does not exist." (the background was being suspended, nothing
 *   was done), at most 3 sends (lib/messaging/resend.ts). Puppeteer never gets to
 *   reword that error: the page catches it and hands back its exact message, so
 *   the rule compares the browser's words, whatever the Puppeteer version or
 *   protocol (CDP, WebDriver BiDi) in between.
 */

/** What the page hands back: the answer, or what runtime.sendMessage threw, as it was. */
export type PageSent = { answer: unknown } | { thrown: string; isError: boolean };

/**
 * Runs IN the extension page (Puppeteer serialises it): one send, a beat while
 * unanswered. Self-contained: it may use nothing from this module.
 */
export async function sendInPage(message: unknown, beat: unknown, everyMs: number): Promise<PageSent> {
  type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
  const scope = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
  const { runtime } = scope.browser ?? scope.chrome;
  // Nobody answers a beat: its rejection is expected.
  const beating = setInterval(() => void runtime.sendMessage(beat).catch(() => undefined), everyMs);
  try {
    return { answer: await runtime.sendMessage(message) };
  } catch (error) {
    return { thrown: error instanceof Error ? error.message : String(error), isError: error instanceof Error };
  } finally {
    clearInterval(beating);
  }
}

/** The answer, or the page's failure thrown again as the browser threw it (an Error with its exact message). */
export function settlePageSend(sent: PageSent): unknown {
  if ('answer' in sent) return sent.answer;
  // A non-Error stays one: the resend rule must not take it for the browser's error.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw sent.isError ? new Error(sent.thrown) : sent.thrown;
}

/** `message` through `sendOnce` (one {@link sendInPage} in the page), resent as the rule allows. */
export function sendThroughPage(sendOnce: (message: unknown) => Promise<PageSent>, message: unknown, policy: ResendPolicy = DEFAULT_RESEND): Promise<unknown> {
  return resendingUndelivered(async (m) => settlePageSend(await sendOnce(m)), policy)(message);
}

/** Sends `message` from the extension page `page` and resolves to the background's answer (see the top of this file). */
export function sendFromExtensionPage(page: Page, message: unknown): Promise<unknown> {
  return sendThroughPage((m) => page.evaluate(sendInPage, m as never, KEEP_ALIVE_MESSAGE, KEEP_ALIVE_EVERY_MS), message);
}
