import type { Code } from './code';

/** The end of a period a next code is shown in: 10 s, or a third of a shorter period (docs/popup-display.md). */
export const NEXT_CODE_WINDOW_MS = 10_000;

/** How long before its end a code of `periodMs` comes with the next one. */
export const nextCodeWindowMs = (periodMs: number): number => Math.min(NEXT_CODE_WINDOW_MS, Math.floor(periodMs / 3));

/**
 * Whether `code` (time-based) is in the last part of its period at `nowMs`, when
 * the next code is shown beside it. HOTP codes (no expiry) never are.
 */
export function inNextCodeWindow(code: Code, nowMs: number): boolean {
  if (code.validUntilMs === null) return false;
  const periodMs = code.validUntilMs - code.validFromMs;
  return code.validUntilMs - nowMs <= nextCodeWindowMs(periodMs);
}

/** When the next-code window of `code` opens (ms since the epoch), or `null` for HOTP. */
export function nextCodeWindowStart(code: Code): number | null {
  if (code.validUntilMs === null) return null;
  return code.validUntilMs - nextCodeWindowMs(code.validUntilMs - code.validFromMs);
}
