import type { SendMessage } from './client';

/*
 * Resending a message the background never received.
 *
 * Firefox's MV3 event page is suspended after a short idle time and Chromium's
 * service worker is stopped; a message sent right as that happens finds no
 * listener, and runtime.sendMessage rejects with exactly this error (seen in both
 * browsers; counted in Firefox: docs/messaging.md "Resending"). The background
 * answers every request (lib/background/wiring.ts answerMessage ignores only
 * messages with a `target`), so for a request this error means no listener ran and
 * nothing was done: sending again is safe and wakes the background. Any other
 * failure may have happened after the background acted on the message, and is
 * never resent.
 */

/** runtime.sendMessage's rejection when no listener received the message (Chromium and Firefox word it the same). */
export const UNDELIVERED_MESSAGE = 'Could not establish connection. Receiving end does not exist.';

/** Whether `error` proves the message reached no listener. */
export function wasNotDelivered(error: unknown): boolean {
  return error instanceof Error && error.message === UNDELIVERED_MESSAGE;
}

export interface ResendPolicy {
  /** How long to wait before each resend, in ms: its length is the number of resends. */
  delaysMs: readonly number[];
  sleep(ms: number): Promise<void>;
}

/** Two resends, 50 ms and 200 ms apart: the background starts again well within that. */
export const DEFAULT_RESEND: ResendPolicy = {
  delaysMs: [50, 200],
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** `send`, resending (bounded by the policy) only while the message provably was not delivered. */
export function resendingUndelivered(send: SendMessage, policy: ResendPolicy = DEFAULT_RESEND): SendMessage {
  return async (message) => {
    for (const delayMs of policy.delaysMs) {
      try {
        return await send(message);
      } catch (error) {
        if (!wasNotDelivered(error)) throw error;
        await policy.sleep(delayMs);
      }
    }
    return send(message);
  };
}
