import type { ProblemCode, SyncState } from './sync-state';

/** How long a change may wait for its upload before the cloud counts as behind (ms). */
export const PENDING_GRACE_MS = 60_000;

export interface CloudStatus {
  /** The cloud lacks something this device has: red badge, alert icon. */
  behind: boolean;
  reason: ProblemCode | 'pending' | null;
}

/**
 * The article's "backup not up to date" signal, derived from the state (never
 * stored): on whenever backup is on and the last change is not in the cloud —
 * a problem that needs the user, or an upload still waiting after the grace period.
 */
export function cloudStatus(state: SyncState, nowMs: number): CloudStatus {
  if (!state.enabled) return { behind: false, reason: null };
  if (state.problem) {
    // A merge waiting for unlock only matters when this device also has something to upload.
    if (state.problem.code !== 'needs-unlock' || state.outbox) return { behind: true, reason: state.problem.code };
  }
  if (state.outbox && nowMs - state.outbox.preparedAt > PENDING_GRACE_MS) return { behind: true, reason: 'pending' };
  return { behind: false, reason: null };
}
