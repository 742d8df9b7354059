import { describe, expect, it } from 'vitest';
import { parseStored, StoredValueInvalidError, SYNC_STATE_ITEM } from '../../../lib/storage';
import { INITIAL_SYNC_STATE, type SyncState } from '../../../lib/sync/sync-state';
import { ACCOUNT } from './sync-fixtures';

const VALID: SyncState = {
  enabled: true,
  account: ACCOUNT,
  remote: { eTag: '"{5E3C7D1A-2B4F-4C6D-8E9F-0A1B2C3D4E5F},7"' },
  outbox: { text: '{"format":"hikae-backup"}', revision: 4, preparedAt: 1_736_942_400_000 },
  revision: 4,
  lastSuccessAt: 1_736_942_000_000,
  problem: { code: 'throttled', message: 'Graph throttled the request (429).', since: 1_736_942_300_000 },
  retry: { attempt: 2, at: 1_736_942_460_000 },
  pendingMerge: false,
};

const parse = (value: unknown) => parseStored(SYNC_STATE_ITEM, SYNC_STATE_ITEM.key, value);

describe('the stored sync state (never reset when unreadable)', () => {
  it.each<[string, unknown, 'unreadable' | 'too-new']>([
    ['a string', 'garbage', 'unreadable'],
    ['a number', 42, 'unreadable'],
    ['an array', [VALID], 'unreadable'],
    ['an empty object', {}, 'unreadable'],
    ['a field of the wrong type', { ...VALID, enabled: 'yes' }, 'unreadable'],
    ['a missing field', (({ pendingMerge: _p, ...rest }) => rest)(VALID), 'unreadable'],
    ['a fractional revision', { ...VALID, revision: 1.5 }, 'unreadable'],
    ['an unknown problem code', { ...VALID, problem: { ...VALID.problem, code: 'gremlins' } }, 'unreadable'],
    ['an account without id', { ...VALID, account: { ...ACCOUNT, homeAccountId: '' } }, 'unreadable'],
    ['an outbox without text', { ...VALID, outbox: { revision: 1, preparedAt: 0 } }, 'unreadable'],
    ['a state written by a newer version', { ...VALID, v: 2, somethingNew: true }, 'too-new'],
  ])('%s → StoredValueInvalidError(%s), never the initial state', (_name, value, problem) => {
    expect(() => parse(value)).toThrow(StoredValueInvalidError);
    try {
      parse(value);
    } catch (error) {
      expect(error).toMatchObject({ key: 'cloud-backup', problem });
    }
  });

  it('keeps a valid state as it was stored (after a JSON round trip)', () => {
    expect(parse(JSON.parse(JSON.stringify(VALID)))).toEqual(VALID);
  });

  it('keeps the initial state itself', () => {
    expect(parse(structuredClone(INITIAL_SYNC_STATE))).toEqual(INITIAL_SYNC_STATE);
  });
});
