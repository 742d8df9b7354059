import { describe, expect, it } from 'vitest';
import { checkMinSecondsLeft, msUntilFreshCode, secondsLeft } from '../../../testing/fresh-code';

/* waitForFreshCode's arithmetic (testing/fresh-code.ts): all times injected. */

const T = Date.UTC(2030, 0, 1); // a period boundary

describe('secondsLeft', () => {
  it.each([
    [T + 30_000, T, 30],
    [T + 30_000, T + 29_500, 0.5],
    [T + 30_000, T + 30_000, 0],
    [null, T, Infinity],
  ])('valid until %s, now %s → %s s', (until, now, left) => {
    expect(secondsLeft(until, now)).toBe(left);
  });
});

describe('msUntilFreshCode', () => {
  it.each([
    ['enough left: no wait', T + 30_000, T + 10_000, 5, 0],
    ['exactly the minimum: no wait', T + 30_000, T + 25_000, 5, 0],
    ['too little left: wait for the next code', T + 30_000, T + 27_000, 5, 3000],
    ['a minimum of 0 never waits', T + 30_000, T + 29_999, 0, 0],
    ['HOTP never expires', null, T, 29, 0],
    ['already expired (a late read): no negative wait', T + 30_000, T + 31_000, 5, 0],
  ])('%s', (_what, until, now, min, wait) => {
    expect(msUntilFreshCode(until, now, min)).toBe(wait);
  });
});

describe('checkMinSecondsLeft', () => {
  it.each([0, 5, 29.9])('accepts %s s of a 30 s period', (min) => {
    expect(() => checkMinSecondsLeft(min, 30)).not.toThrow();
  });
  it.each([30, 31, -1, Number.NaN, Infinity])('refuses %s s of a 30 s period (it would wait forever)', (min) => {
    expect(() => checkMinSecondsLeft(min, 30)).toThrow(/minSecondsLeft must be at least 0 and less than the account's period \(30 s\)/);
  });
});
