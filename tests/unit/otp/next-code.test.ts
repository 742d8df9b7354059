import { describe, expect, it } from 'vitest';
import { inNextCodeWindow, nextCodeWindowMs, nextCodeWindowStart } from '../../../lib/otp/next-code';

const T = Date.UTC(2026, 0, 1);

describe('the next-code window', () => {
  it.each([
    [30_000, 10_000],
    [60_000, 10_000],
    [15_000, 5_000],
    [10_000, 3_333],
  ])('a %s ms period: its last %s ms', (period, window) => {
    expect(nextCodeWindowMs(period)).toBe(window);
  });

  it.each<[string, number, boolean]>([
    ['at the start of a 30 s period', T, false],
    ['1 ms before the window', T + 19_999, false],
    ['at the window\'s start', T + 20_000, true],
    ['in its last millisecond', T + 29_999, true],
  ])('%s → %s', (_name, now, expected) => {
    expect(inNextCodeWindow({ value: '123456', validFromMs: T, validUntilMs: T + 30_000 }, now)).toBe(expected);
  });

  it('HOTP codes have none', () => {
    const hotp = { value: '123456', validFromMs: T, validUntilMs: null };
    expect(inNextCodeWindow(hotp, T + 1e9)).toBe(false);
    expect(nextCodeWindowStart(hotp)).toBeNull();
  });

  it('opens 10 s before a 30 s code ends', () => {
    expect(nextCodeWindowStart({ value: '1', validFromMs: T, validUntilMs: T + 30_000 })).toBe(T + 20_000);
  });
});
