import type { CloudStatusView } from '../../messaging/protocol';
import { cloudStatus } from '../../sync/cloud-status';
import type { SyncState } from '../../sync/sync-state';

/** The page's view of the backup state (no tokens, no backup contents). */
export function toCloudStatusView(state: SyncState, configured: boolean, nowMs: number): CloudStatusView {
  const status = cloudStatus(state, nowMs);
  return {
    configured,
    enabled: state.enabled,
    account: state.account ? { username: state.account.username, name: state.account.name } : null,
    lastSuccessAt: state.lastSuccessAt,
    pending: state.outbox !== null,
    behind: status.behind,
    problem: status.reason ?? (state.enabled ? (state.problem?.code ?? null) : null),
    retryAt: state.retry?.at ?? null,
  };
}
