import { HikaeKitError } from './errors.js';

/** Seconds a code has left at `nowMs`; `Infinity` for codes that do not expire (HOTP). */
export function secondsLeft(validUntilMs: number | null, nowMs: number): number {
  return validUntilMs === null ? Infinity : (validUntilMs - nowMs) / 1000;
}

/**
 * How long to wait before reading the code again so that it has at least
 * `minSecondsLeft`: 0 when the current one will do, otherwise until it expires
 * (the next code then has a whole period). Milliseconds.
 */
export function msUntilFreshCode(validUntilMs: number | null, nowMs: number, minSecondsLeft: number): number {
  if (secondsLeft(validUntilMs, nowMs) >= minSecondsLeft || validUntilMs === null) return 0;
  return Math.max(0, validUntilMs - nowMs);
}

/** A code can never have more than its period left: asking for that would wait forever. */
export function checkMinSecondsLeft(minSecondsLeft: number, periodSeconds: number): void {
  if (!Number.isFinite(minSecondsLeft) || minSecondsLeft < 0 || minSecondsLeft >= periodSeconds) {
    throw new HikaeKitError('invalid-argument', `minSecondsLeft must be at least 0 and less than the account's period (${periodSeconds} s); got ${minSecondsLeft}.`);
  }
}
