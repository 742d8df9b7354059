import { describe, expect, it } from 'vitest';
import { restrictToTrustedContexts, type AccessLevelArea } from '../../../../lib/background/core/storage-access';

describe('restrictToTrustedContexts', () => {
  it.each<[string, () => { area: AccessLevelArea; calls: unknown[] }, string]>([
    [
      'Chromium: the area supports setAccessLevel',
      () => {
        const calls: unknown[] = [];
        return { area: { setAccessLevel: async (o) => void calls.push(o) }, calls };
      },
      'restricted',
    ],
    ['Firefox storage.local: no setAccessLevel', () => ({ area: {}, calls: [] }), 'unsupported'],
    [
      'a browser that has the method but refuses this area',
      () => {
        const calls: unknown[] = [];
        return {
          area: {
            setAccessLevel: async (o) => {
              calls.push(o);
              throw new Error('setAccessLevel is only supported for storage.session');
            },
          },
          calls,
        };
      },
      'unsupported',
    ],
  ])('%s → %s', async (_what, make, expected) => {
    const { area, calls } = make();
    expect(await restrictToTrustedContexts(area)).toBe(expected);
    expect(calls).toEqual(area.setAccessLevel ? [{ accessLevel: 'TRUSTED_CONTEXTS' }] : []);
  });
});
