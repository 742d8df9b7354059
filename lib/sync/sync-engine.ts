import { SignInRequiredError } from '../auth/errors';
import { adoptNewerKeySlots, backupKeySlots, mergeContents, openBackupWithKey, readBackupSummary, UnsupportedBackupVersionError, VaultKeyMismatchError } from '../backup';
import {
  GraphFileTooLargeError,
  GraphForbiddenError,
  GraphNotFoundError,
  GraphPreconditionFailedError,
  GraphThrottledError,
  GraphUnauthorizedError,
  retryDelayMs,
  type GraphClient,
} from '../graph';
import { keySlotsOf, openVault, sameKeySlots, VaultDamagedError } from '../vault';
import type { SyncPorts } from './sync-ports';
import type { ProblemCode, SyncState } from './sync-state';
import { commitVault } from './vault-write';

/*
 * One pass of the backup loop (docs/backup-sync.md):
 *   1. a pending upload goes up with If-Match on the version this device last
 *      saw (If-None-Match: * when it saw none);
 *   2. 412 — another device uploaded meanwhile: download, merge into the vault
 *      (no account lost, no deletion undone), queue the merged backup, go to 1;
 *   3. nothing pending: look at the cloud; a newer version is merged the same way.
 * Failures leave the pending upload in place: retryable ones schedule a retry
 * (Retry-After honoured), the others wait for the user's one-click fix.
 */

/** Shortest wait after a 429/503 that gave no readable Retry-After (ms). */
export const THROTTLED_MIN_DELAY_MS = 30_000;

/** Passes through steps 1–3 before giving up for now (each pass makes progress unless devices race). */
const MAX_ROUNDS = 4;

type Outcome = 'done' | 'again';

function problemOf(error: unknown): { code: ProblemCode; retryable: boolean } {
  if (error instanceof SignInRequiredError || error instanceof GraphUnauthorizedError) return { code: 'sign-in-required', retryable: false };
  if (error instanceof GraphForbiddenError) return { code: 'forbidden', retryable: false };
  if (error instanceof GraphNotFoundError) return { code: 'backup-missing', retryable: false };
  if (error instanceof VaultKeyMismatchError) return { code: 'needs-password', retryable: false };
  if (error instanceof UnsupportedBackupVersionError) return { code: 'remote-newer-version', retryable: false };
  // A file too large to be a backup is planted or broken: never downloaded, offered to be replaced.
  if (error instanceof VaultDamagedError || error instanceof GraphFileTooLargeError) return { code: 'remote-damaged', retryable: false };
  if (error instanceof GraphThrottledError) return { code: error.status === 503 ? 'server-error' : 'throttled', retryable: true };
  const delay = retryDelayMs(error, 0, () => 0);
  if (delay !== null) return { code: error instanceof Error && error.name === 'GraphNetworkError' ? 'offline' : 'server-error', retryable: true };
  return { code: 'server-error', retryable: false };
}

/**
 * Read-modify-write of the sync state under the vault lock: vault changes queue
 * their uploads under that lock too, so none can land between the read and the
 * write and be lost. Network calls stay outside.
 */
function updateState(ports: SyncPorts, change: (state: SyncState) => SyncState): Promise<SyncState> {
  return ports.exclusiveVault(async () => {
    const next = change(await ports.readState());
    await ports.writeState(next);
    return next;
  });
}

/** Records a failure: the pending upload stays; a retry is scheduled when retrying can help. */
async function recordFailure(ports: SyncPorts, error: unknown): Promise<SyncState> {
  const { code, retryable } = problemOf(error);
  const now = ports.now();
  const next = await updateState(ports, (state) => {
    const attempt = (state.retry?.attempt ?? -1) + 1;
    let delay = retryable ? retryDelayMs(error, attempt, () => ports.jitter()) : null;
    // A 429/503 whose Retry-After could not be read (a cross-origin answer may hide
    // it — seen in Firefox) still means "slow down": never retry sooner than this.
    if (delay !== null && error instanceof GraphThrottledError && error.retryAfterSeconds === undefined) {
      delay = Math.max(delay, THROTTLED_MIN_DELAY_MS);
    }
    return {
      ...state,
      problem: { code, message: error instanceof Error ? error.message : String(error), since: state.problem?.code === code ? state.problem.since : now },
      retry: delay === null ? null : { attempt, at: now + delay },
    };
  });
  await ports.scheduleRetry(next.retry?.at ?? null);
  return next;
}

/** The cloud holds everything this device has: clear any problem and pending retry. */
async function recordUpToDate(ports: SyncPorts, patch: Partial<SyncState> = {}): Promise<SyncState> {
  const next = await updateState(ports, (state) => ({ ...state, ...patch, problem: null, retry: null }));
  await ports.scheduleRetry(null);
  return next;
}

/** Uploads the pending backup; on success the cloud holds this device's latest state. */
async function upload(ports: SyncPorts, graph: GraphClient, state: SyncState): Promise<Outcome> {
  const outbox = state.outbox;
  if (!outbox) return 'done';
  try {
    const condition = state.remote ? { ifMatch: state.remote.eTag } : ({ ifNoneMatch: '*' } as const);
    const uploaded = await graph.upload(outbox.text, condition);
    let stillSame = false;
    await updateState(ports, (fresh) => {
      // A change queued during the upload keeps its own, newer outbox.
      stillSame = fresh.outbox?.revision === outbox.revision;
      return { ...fresh, remote: { eTag: uploaded.eTag }, outbox: stillSame ? null : fresh.outbox, lastSuccessAt: ports.now(), problem: null, retry: null };
    });
    await ports.scheduleRetry(null);
    return stillSame ? 'done' : 'again';
  } catch (error) {
    // The cloud copy changed since this device last saw it (or was deleted under an If-Match): merge first.
    if (error instanceof GraphPreconditionFailedError) return pullAndMerge(ports, graph, state);
    throw error;
  }
}

/**
 * The backup opened with the session key — or, right after this device re-keyed,
 * with the key it replaced: another device uploaded before it saw the re-key.
 * `stale`: opened with the replaced key (its slots are older than this device's).
 */
async function openRemote(text: string, unlocked: { masterKey: Uint8Array; previousMasterKey?: Uint8Array }) {
  try {
    return { contents: await openBackupWithKey(text, unlocked.masterKey), stale: false };
  } catch (error) {
    if (!(error instanceof VaultKeyMismatchError) || !unlocked.previousMasterKey) throw error;
    return { contents: await openBackupWithKey(text, unlocked.previousMasterKey), stale: true };
  }
}

/**
 * Brings a newer cloud version into the vault. Needs the vault unlocked (the
 * merge reads and writes accounts); while locked it is remembered and done at unlock.
 */
async function pullAndMerge(ports: SyncPorts, graph: GraphClient, state: SyncState): Promise<Outcome> {
  let download;
  try {
    download = await graph.download();
  } catch (error) {
    if (!(error instanceof GraphNotFoundError)) throw error;
    // Gone from the cloud (deleted in OneDrive or by another device): say so, and
    // re-create it only when the user asks (they may have deleted it on purpose).
    if (state.remote || state.lastSuccessAt !== null) throw error;
    // Never uploaded before: nothing to merge; a pending backup goes up as a new file.
    const current = await updateState(ports, (s) => ({ ...s, remote: null }));
    return current.outbox ? 'again' : 'done';
  }
  const before = await ports.readState();
  // A vault whose slots the cloud lacks (a password changed by a version that never
  // queued its upload) is not up to date even when the cloud did not change: merge and upload.
  const seen = await ports.unlocked();
  const slotsStale = seen !== null && !(await sameKeySlots(keySlotsOf(seen.file), backupKeySlots(download.text)));
  if (before.remote?.eTag === download.file.eTag && !before.pendingMerge && !slotsStale) {
    if (before.outbox) return 'again';
    // Up to date; a problem left from an earlier failure is over (no write otherwise).
    if (before.problem || before.retry) await recordUpToDate(ports);
    return 'done';
  }

  const unlocked = await ports.unlocked();
  if (!unlocked) {
    await updateState(ports, (fresh) => ({
      ...fresh,
      pendingMerge: true,
      problem: fresh.outbox ? { code: 'needs-unlock', message: 'Unlock to merge the changes made on another device.', since: fresh.problem?.code === 'needs-unlock' ? fresh.problem.since : ports.now() } : fresh.problem,
    }));
    return 'done';
  }


  const { contents: remote, stale } = await openRemote(download.text, unlocked);
  await ports.exclusiveVault(async () => {
    const current = await ports.unlocked();
    if (!current) return;
    const local = await openVault(current.file, current.masterKey);
    const { merged, changes } = mergeContents(local, remote, { now: ports.now() });
    // A password (or any slot) changed on another device travels in the backup's slots: adopt them.
    const adopted = stale ? null : await adoptNewerKeySlots(current.file, download.text, current.masterKey);
    const keySlots = adopted ?? keySlotsOf(current.file);
    // A password changed elsewhere is told, never adopted silently (the locked screen says it).
    const { browser, createdAt } = readBackupSummary(download.text);
    const told = adopted ? { passwordChangedElsewhere: { browser, at: createdAt } } : {};
    // Slots the cloud lacks (this device changed its password) make it out of date like a contents change.
    const slotsDiffer = !(await sameKeySlots(keySlots, backupKeySlots(download.text)));
    const pending = (await ports.readState()).outbox !== null;
    await commitVault(ports, {
      parts: { masterKey: current.masterKey, keySlots, contents: merged },
      cloud: changes.remoteOutdated || slotsDiffer || pending ? { kind: 'behind' } : { kind: 'current', eTag: download.file.eTag },
      patch: { remote: { eTag: download.file.eTag }, pendingMerge: false, problem: null, ...told },
    });
  });
  return 'again';
}

/**
 * Runs the backup loop once: upload what is pending, merge what changed in the
 * cloud. Never throws: the outcome is in the returned state (problem, retry).
 * `force`: run even before a scheduled retry (an explicit user action).
 */
export async function syncNow(ports: SyncPorts, options: { force?: boolean } = {}): Promise<SyncState> {
  let state = await ports.readState();
  if (!state.enabled || !state.account) return state;
  // Automatic passes wait for a scheduled retry (the server's Retry-After, the
  // backoff); only the user's own "Retry now" / "Back up now" goes early.
  if (!options.force && state.retry && state.retry.at > ports.now()) return state;
  try {
    const graph = ports.graph(state.account);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      state = await ports.readState();
      const outcome = state.outbox ? await upload(ports, graph, state) : await pullAndMerge(ports, graph, state);
      if (outcome === 'done') break;
    }
    return ports.readState();
  } catch (error) {
    return recordFailure(ports, error);
  }
}
