import { describe, expect, it } from 'vitest';
import { cloudStatus, PENDING_GRACE_MS } from '../../../lib/sync/cloud-status';
import { INITIAL_SYNC_STATE, type ProblemCode, type SyncState } from '../../../lib/sync/sync-state';
import { ACCOUNT } from './sync-fixtures';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

const outbox = (ageMs: number) => ({ text: '{"format":"hikae-backup"}', revision: 3, preparedAt: NOW - ageMs });
const problem = (code: ProblemCode) => ({ code, message: `problem ${code}`, since: NOW - 1000 });
const on = (patch: Partial<SyncState>): SyncState => ({ ...INITIAL_SYNC_STATE, enabled: true, account: ACCOUNT, remote: { eTag: '"{x},1"' }, ...patch });

describe('cloudStatus', () => {
  it.each<{ name: string; state: SyncState; behind: boolean; reason: ProblemCode | 'pending' | null }>([
    { name: 'on, nothing pending, no problem', state: on({}), behind: false, reason: null },
    { name: 'on, an upload just queued', state: on({ outbox: outbox(0) }), behind: false, reason: null },
    { name: 'on, an upload waiting exactly the grace period', state: on({ outbox: outbox(PENDING_GRACE_MS) }), behind: false, reason: null },
    { name: 'on, an upload waiting past the grace period', state: on({ outbox: outbox(PENDING_GRACE_MS + 1) }), behind: true, reason: 'pending' },
    { name: 'on, a problem with nothing pending', state: on({ problem: problem('offline') }), behind: true, reason: 'offline' },
    { name: 'on, a problem with a fresh upload pending: the problem is the reason', state: on({ problem: problem('throttled'), outbox: outbox(0) }), behind: true, reason: 'throttled' },
    { name: 'on, a problem and an old upload: the problem is the reason', state: on({ problem: problem('backup-missing'), outbox: outbox(10 * PENDING_GRACE_MS) }), behind: true, reason: 'backup-missing' },
    { name: 'on, needs-unlock with an upload pending', state: on({ problem: problem('needs-unlock'), outbox: outbox(0), pendingMerge: true }), behind: true, reason: 'needs-unlock' },
    { name: 'on, needs-unlock with nothing pending (only the cloud is ahead)', state: on({ problem: problem('needs-unlock'), pendingMerge: true }), behind: false, reason: null },
    { name: 'on, a merge waiting for unlock without a problem', state: on({ pendingMerge: true }), behind: false, reason: null },
    { name: 'off, with an old upload and a problem', state: on({ enabled: false, outbox: outbox(10 * PENDING_GRACE_MS), problem: problem('sign-in-required') }), behind: false, reason: null },
    { name: 'off, initial state', state: INITIAL_SYNC_STATE, behind: false, reason: null },
  ])('$name → behind: $behind ($reason)', ({ state, behind, reason }) => {
    expect(cloudStatus(state, NOW)).toEqual({ behind, reason });
  });

  it('every problem code but needs-unlock makes the cloud behind even with nothing pending', () => {
    const codes: ProblemCode[] = ['sign-in-required', 'backup-missing', 'offline', 'throttled', 'server-error', 'forbidden', 'needs-password', 'remote-damaged', 'remote-newer-version'];
    for (const code of codes) expect(cloudStatus(on({ problem: problem(code) }), NOW), code).toEqual({ behind: true, reason: code });
  });
});
