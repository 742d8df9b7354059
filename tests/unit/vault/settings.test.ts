import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, Settings } from '../../../lib/vault';

describe('Settings', () => {
  it('defaults to 15 minutes and the system theme', () => {
    expect(DEFAULT_SETTINGS).toEqual({ autoLockMinutes: 15, theme: 'system' });
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
    expect(Settings.parse({})).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    { input: { autoLockMinutes: 1 }, ok: true },
    { input: { autoLockMinutes: 1440 }, ok: true },
    { input: { autoLockMinutes: 0 }, ok: false },
    { input: { autoLockMinutes: 1441 }, ok: false },
    { input: { autoLockMinutes: 2.5 }, ok: false },
    { input: { theme: 'dark' }, ok: true },
    { input: { theme: 'light' }, ok: true },
    { input: { theme: 'blue' }, ok: false },
  ])('$input → valid: $ok', ({ input, ok }) => {
    expect(Settings.safeParse(input).success).toBe(ok);
  });
});
