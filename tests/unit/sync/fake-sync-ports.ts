import type { GraphClient } from '../../../lib/graph';
import type { SyncPorts } from '../../../lib/sync/sync-ports';
import type { SignedInAccount } from '../../../lib/auth/signed-in-account';
import { INITIAL_SYNC_STATE, type SyncState } from '../../../lib/sync/sync-state';
import type { VaultFile } from '../../../lib/vault';
import { serialQueue } from '../support/serial-queue';

/*
 * In-memory SyncPorts: the sync state and the vault file as one storage area
 * (structured-cloned in and out, as browser storage does), the session key,
 * the vault lock as a real promise-chain mutex, an injectable clock and
 * deterministic randomness and jitter. Every storage write is counted —
 * writeVaultAndState as ONE write, as the background does it (storage.local.set
 * of both keys) — and every scheduleRetry is recorded.
 */

/** 2025-01-15T12:00:00Z, the default start of the fake clock. */
export const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);

/** Yields to the event loop, as a real storage call does. */
const storageTick = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface FakeSyncPorts extends SyncPorts {
  /** Storage writes so far (writeState and writeVaultAndState each count one). */
  readonly writes: number;
  /** writeVaultAndState calls so far. */
  readonly vaultWrites: number;
  /** Every scheduleRetry argument, in order. */
  readonly scheduled: (number | null)[];
  /** How many times `graph()` was asked for a client. */
  readonly graphRequests: number;
  /** The stored state (a copy), read without counting. */
  peekState(): SyncState;
  /** The stored vault file (a copy). */
  peekVault(): VaultFile | null;
  /** Replaces the stored state (not counted as a write). */
  setState(state: SyncState): void;
  /** Replaces the stored vault file (not counted as a write). */
  setVault(file: VaultFile | null): void;
  /** The session key: `null` is a locked vault. */
  sessionKey: Uint8Array | null;
  /** The key a re-key in this session replaced (kept until lock, as storage.session does). */
  previousSessionKey: Uint8Array | null;
  lock(): void;
  unlock(masterKey: Uint8Array): void;
  advance(ms: number): void;
  setNow(ms: number): void;
  /** The value `jitter()` returns from now on, in [0, 1). */
  setJitter(value: number): void;
  /**
   * Starts `hook` once, right after the next readState has taken its copy: another
   * event (e.g. a vault change) arriving between a read and the write that follows.
   * When nobody holds the vault lock the read waits for it, so it lands in between;
   * when the reader holds the lock, the hook (which needs the lock too) only
   * queues behind it — as it would in the extension. See {@link settle}.
   */
  afterNextRead(hook: () => Promise<void>): void;
  /** Waits for every hook started by afterNextRead. */
  settle(): Promise<void>;
  /** Zeroes the write counters and forgets recorded retries (after a test's setup). */
  resetCounters(): void;
}

export interface FakeSyncPortsOptions {
  graph: (account: SignedInAccount) => GraphClient;
  state?: Partial<SyncState>;
  vault?: VaultFile | null;
  masterKey?: Uint8Array | null;
  nowMs?: number;
  /** Seeds `random` (distinct per device so nonces differ). Default 1. */
  seed?: number;
  /** Default 0.5. */
  jitter?: number;
  device?: { deviceName: string; browser: string };
}

export function createFakeSyncPorts(options: FakeSyncPortsOptions): FakeSyncPorts {
  let state: SyncState = structuredClone({ ...INITIAL_SYNC_STATE, ...options.state });
  let vault: VaultFile | null = structuredClone(options.vault ?? null);
  let nowMs = options.nowMs ?? T0;
  let jitter = options.jitter ?? 0.5;
  let writes = 0;
  let vaultWrites = 0;
  let graphRequests = 0;
  const scheduled: (number | null)[] = [];
  const readHooks: (() => Promise<void>)[] = [];
  const startedHooks: Promise<void>[] = [];
  const serialized = serialQueue();
  let lockHeld = false;

  // xorshift32: deterministic, distinct per seed.
  let prng = ((options.seed ?? 1) * 0x9e3779b1) >>> 0 || 1;
  const nextByte = () => {
    prng ^= prng << 13;
    prng >>>= 0;
    prng ^= prng >>> 17;
    prng ^= prng << 5;
    prng >>>= 0;
    return prng & 0xff;
  };

  const ports: FakeSyncPorts = {
    sessionKey: options.masterKey ?? null,
    previousSessionKey: null,
    now: () => nowMs,
    random: (bytes) => Uint8Array.from({ length: bytes }, nextByte),
    jitter: () => jitter,
    device: options.device ?? { deviceName: 'Test device', browser: 'Test browser 1' },
    async readState() {
      const copy = structuredClone(state);
      await storageTick();
      const hook = readHooks.shift();
      if (hook) {
        const started = hook();
        startedHooks.push(started);
        if (!lockHeld) await started;
      }
      return copy;
    },
    async writeState(next) {
      const copy = structuredClone(next);
      await storageTick();
      writes += 1;
      state = copy;
    },
    async writeVaultAndState(file, next) {
      const copies = structuredClone({ file, next });
      await storageTick();
      writes += 1;
      vaultWrites += 1;
      vault = copies.file;
      state = copies.next;
    },
    async unlocked() {
      await storageTick();
      if (!vault || !ports.sessionKey) return null;
      const previous = ports.previousSessionKey ? { previousMasterKey: ports.previousSessionKey.slice() } : {};
      return { masterKey: ports.sessionKey.slice(), file: structuredClone(vault), ...previous };
    },
    exclusiveVault<T>(task: () => Promise<T>): Promise<T> {
      return serialized(async () => {
        lockHeld = true;
        try {
          return await task();
        } finally {
          lockHeld = false;
        }
      });
    },
    graph(account) {
      graphRequests += 1;
      return options.graph(account);
    },
    async scheduleRetry(atMs) {
      scheduled.push(atMs);
    },
    get writes() {
      return writes;
    },
    get vaultWrites() {
      return vaultWrites;
    },
    get scheduled() {
      return scheduled;
    },
    get graphRequests() {
      return graphRequests;
    },
    peekState: () => structuredClone(state),
    peekVault: () => structuredClone(vault),
    setState(next) {
      state = structuredClone(next);
    },
    setVault(file) {
      vault = structuredClone(file);
    },
    lock() {
      ports.sessionKey = null;
      ports.previousSessionKey = null;
    },
    unlock(masterKey) {
      ports.sessionKey = masterKey.slice();
    },
    advance(ms) {
      nowMs += ms;
    },
    setNow(ms) {
      nowMs = ms;
    },
    setJitter(value) {
      jitter = value;
    },
    afterNextRead(hook) {
      readHooks.push(hook);
    },
    async settle() {
      await Promise.all(startedHooks);
    },
    resetCounters() {
      writes = 0;
      vaultWrites = 0;
      graphRequests = 0;
      scheduled.length = 0;
    },
  };
  return ports;
}
