/*
 * The fill script's one message to the background and the answer (docs/autofill.md,
 * step 3). The request carries nothing: the browser stamps it with the tab, frame
 * and URL it came from, and those are what the background checks.
 */

export const FILL_REQUEST_KIND = 'hikae.fill-request';

/** What the fill script in a frame sends to get the digits it was told to write. */
export interface FillRequestMessage {
  kind: typeof FILL_REQUEST_KIND;
}

/** The answer: the code's characters and whether to press Enter — nothing else, ever. */
export type FillReply = { ok: true; digits: string; pressEnter: boolean } | { ok: false; reason: string };

export const isFillRequest = (message: unknown): message is FillRequestMessage =>
  typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === FILL_REQUEST_KIND && Object.keys(message).length === 1;
