/*
 * When a fill may hand out a code (docs/autofill.md "What each trigger does").
 */

/** A code with fewer seconds than this left is not filled: the next one is waited for. */
export const MIN_SECONDS_LEFT_TO_FILL = 5;
/** A fill request is honoured only this long after the gesture that started it (ms). */
export const FILL_REQUEST_TTL_MS = 15_000;

/**
 * How long to wait before filling a time-based code so that the page gets one with
 * at least {@link MIN_SECONDS_LEFT_TO_FILL} seconds to live: 0 when the current
 * code has enough left, else the time until the next period starts (+1 ms, so the
 * code computed then is already the new one). HOTP codes (`periodSeconds` null)
 * never wait.
 */
export function waitBeforeFillMs(nowMs: number, periodSeconds: number | null, minSecondsLeft = MIN_SECONDS_LEFT_TO_FILL): number {
  if (periodSeconds === null) return 0;
  const periodMs = periodSeconds * 1000;
  const leftMs = periodMs - (nowMs % periodMs);
  // A period shorter than the margin could never satisfy it: fill the fresh code at once.
  if (leftMs >= minSecondsLeft * 1000 || periodMs <= minSecondsLeft * 1000) return 0;
  return leftMs + 1;
}
