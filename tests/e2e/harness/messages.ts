import type { Page } from 'puppeteer-core';
import { KEEP_ALIVE_EVERY_MS, KEEP_ALIVE_MESSAGE } from '../../../lib/messaging/client';
import { resendingUndelivered } from '../../../lib/messaging/resend';

/** A background answer as a page receives it (lib/messaging/protocol.ts), loosely typed for tests. */
export interface Answer {
  ok: boolean;
  value?: unknown;
  error?: { code: string; problem?: string; message?: string };
}

/**
 * Sends one message to the background from an extension page and resolves to the
 * answer — as the pages' client does (lib/messaging/client.ts): a keep-alive beat
 * while unanswered (Firefox suspends an idle event page even while it owes an
 * answer), and resent only when it provably reached no listener (the event page
 * was being suspended), at most 3 sends (lib/messaging/resend.ts). The page hands
 * back what runtime.sendMessage threw as it was, so that rule sees the browser's
 * exact error, not Puppeteer's wrapping of it.
 */
export function sendMessageFromPage(page: Page, message: unknown): Promise<unknown> {
  const sendOnce = async (m: unknown) => {
    type Sent = { answer: unknown } | { thrown: string; isError: boolean };
    const sent: Sent = await page.evaluate(
      async (msg, beat, everyMs): Promise<Sent> => {
        type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
        const scope = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
        const { runtime } = scope.browser ?? scope.chrome;
        // Nobody answers a beat: its rejection is expected.
        const beating = setInterval(() => void runtime.sendMessage(beat).catch(() => undefined), everyMs);
        try {
          return { answer: await runtime.sendMessage(msg) };
        } catch (error) {
          return { thrown: error instanceof Error ? error.message : String(error), isError: error instanceof Error };
        } finally {
          clearInterval(beating);
        }
      },
      m as never,
      KEEP_ALIVE_MESSAGE,
      KEEP_ALIVE_EVERY_MS,
    );
    if ('thrown' in sent) throw sent.isError ? new Error(sent.thrown) : sent.thrown;
    return sent.answer;
  };
  return resendingUndelivered(sendOnce)(message);
}

/** Sends one request to the background from an extension page, as the page itself would. */
export const sendFromPage = (page: Page, type: string, payload: unknown): Promise<Answer> => sendMessageFromPage(page, { type, payload }) as Promise<Answer>;
