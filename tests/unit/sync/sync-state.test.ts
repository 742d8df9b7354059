import { describe, expect, it } from 'vitest';
import { INITIAL_SYNC_STATE, parseSyncState, type SyncState } from '../../../lib/sync/sync-state';
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

describe('parseSyncState', () => {
  it.each<[string, unknown]>([
    ['undefined (never stored)', undefined],
    ['null', null],
    ['a string', 'garbage'],
    ['a number', 42],
    ['an array', [VALID]],
    ['an empty object', {}],
    ['a field of the wrong type', { ...VALID, enabled: 'yes' }],
    ['a missing field', (({ pendingMerge: _p, ...rest }) => rest)(VALID)],
    ['a fractional revision', { ...VALID, revision: 1.5 }],
    ['an unknown problem code', { ...VALID, problem: { ...VALID.problem, code: 'gremlins' } }],
    ['an account without id', { ...VALID, account: { ...ACCOUNT, homeAccountId: '' } }],
    ['an outbox without text', { ...VALID, outbox: { revision: 1, preparedAt: 0 } }],
  ])('%s → the initial state', (_name, value) => {
    expect(parseSyncState(value)).toEqual(INITIAL_SYNC_STATE);
  });

  it('gives a copy of the initial state, never the shared constant', () => {
    const parsed = parseSyncState('garbage');
    parsed.revision = 99;
    expect(INITIAL_SYNC_STATE.revision).toBe(0);
  });

  it('keeps a valid state as it was stored (after a JSON round trip)', () => {
    expect(parseSyncState(JSON.parse(JSON.stringify(VALID)))).toEqual(VALID);
  });

  it('keeps the initial state itself', () => {
    expect(parseSyncState(structuredClone(INITIAL_SYNC_STATE))).toEqual(INITIAL_SYNC_STATE);
  });
});
