import { CloudNotConfiguredError } from '../../../lib/auth/errors';
import type { BackgroundPorts, KeyValueArea } from '../../../lib/background/core';
import { VaultContentsCache } from '../../../lib/vault/contents-cache';
import { serialQueue } from '../support/serial-queue';

/*
 * In-memory BackgroundPorts for Node tests: the same contract the background
 * entrypoint wires to browser.storage, browser.alarms and Web Locks, with the
 * clock, randomness and the lock alarm under the test's control.
 */

/** Yields to the event loop, as a real storage call does (lets concurrent requests interleave). */
const storageTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One storage area in a Map. Values are structured-cloned on the way in and
 * out, as browser storage serialises them: a caller can't keep a live reference
 * into the store, and a value that can't be stored fails here too.
 */
export class MemoryArea implements KeyValueArea {
  private readonly data = new Map<string, unknown>();
  /** set() and remove() calls so far: each is one storage write. */
  writes = 0;

  async get(key: string): Promise<unknown> {
    await storageTick();
    return this.data.has(key) ? structuredClone(this.data.get(key)) : undefined;
  }

  async set(key: string, value: unknown): Promise<void> {
    const copy = structuredClone(value);
    await storageTick();
    this.writes += 1;
    this.data.set(key, copy);
  }

  /** One write for all entries, as storage.set({ a, b }) is. */
  async setMany(entries: Record<string, unknown>): Promise<void> {
    const copy = structuredClone(entries);
    await storageTick();
    this.writes += 1;
    for (const [key, value] of Object.entries(copy)) this.data.set(key, value);
  }

  async remove(key: string): Promise<void> {
    await storageTick();
    this.writes += 1;
    this.data.delete(key);
  }

  async keys(): Promise<string[]> {
    await storageTick();
    return [...this.data.keys()];
  }

  /** One write for all keys, as storage.remove([a, b]) is. */
  async removeMany(keys: readonly string[]): Promise<void> {
    await storageTick();
    this.writes += 1;
    for (const key of keys) this.data.delete(key);
  }

  /** The stored value (a copy), read synchronously and without counting as a use. */
  peek(key: string): unknown {
    return structuredClone(this.data.get(key));
  }

  /** A deep copy of everything stored. */
  dump(): Record<string, unknown> {
    return structuredClone(Object.fromEntries(this.data));
  }

  /** Replaces everything stored with (a copy of) `entries`; not counted as writes. */
  load(entries: Record<string, unknown>): void {
    this.data.clear();
    for (const [key, value] of Object.entries(structuredClone(entries))) this.data.set(key, value);
  }
}

export interface FakePorts extends BackgroundPorts {
  local: MemoryArea;
  session: MemoryArea;
  /** How many times a backup pass was requested. */
  readonly syncRequests: number;
  /** Moves the injected clock forward by `ms` milliseconds. */
  advance(ms: number): void;
  /** Sets the injected clock (ms since the epoch). */
  setNow(ms: number): void;
  /** The last time passed to scheduleAutoLock: `undefined` = never called, `null` = cancelled. */
  readonly scheduledLockAt: number | null | undefined;
  /** The last time passed to scheduleClipboardClear (`undefined` = never called, `null` = cancelled). */
  readonly scheduledClipboardClearAt: number | null | undefined;
  /** How many tasks went through `exclusive`. */
  readonly exclusiveRuns: number;
}

/** 2025-01-15T12:00:00Z, the default start of the fake clock. */
export const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);

/**
 * Fake ports. `seed` makes `random` and `randomId` deterministic and distinct
 * between instances (ports restored from a snapshot must not reissue ids that
 * are already in the vault: give each instance its own seed).
 */
export function createFakePorts(options: { nowMs?: number; seed?: number } = {}): FakePorts {
  let nowMs = options.nowMs ?? T0;
  const seed = options.seed ?? 1;
  let prng = (seed * 0x9e3779b1) >>> 0 || 1;
  let idCounter = 0;
  let scheduledLockAt: number | null | undefined;
  let scheduledClipboardClearAt: number | null | undefined;
  let exclusiveRuns = 0;
  const serialized = serialQueue();
  let syncRequests = 0;

  // xorshift32: deterministic, and never repeats within a test's needs (period 2^32 - 1).
  const nextByte = () => {
    prng ^= prng << 13;
    prng >>>= 0;
    prng ^= prng >>> 17;
    prng ^= prng << 5;
    prng >>>= 0;
    return prng & 0xff;
  };

  return {
    local: new MemoryArea(),
    session: new MemoryArea(),
    vaultCache: new VaultContentsCache(),
    now: () => nowMs,
    advance(ms) {
      nowMs += ms;
    },
    setNow(ms) {
      nowMs = ms;
    },
    random(bytes) {
      return Uint8Array.from({ length: bytes }, nextByte);
    },
    randomId() {
      idCounter += 1;
      const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');
      return `00000000-0000-4000-8${hex(seed % 0x1000, 3)}-${hex(idCounter, 12)}`;
    },
    device: { deviceName: 'Test device', browser: 'Test browser 1' },
    // No cloud unless a test provides one (tests/unit/sync drives the engine with its own fakes).
    cloud: {
      configured: false,
      graph() {
        throw new CloudNotConfiguredError();
      },
      scheduleRetry: async () => undefined,
      signOut: async () => undefined,
    },
    requestSync() {
      syncRequests += 1;
    },
    get syncRequests() {
      return syncRequests;
    },
    async scheduleAutoLock(atMs) {
      scheduledLockAt = atMs;
    },
    async scheduleClipboardClear(atMs) {
      scheduledClipboardClearAt = atMs;
    },
    get scheduledClipboardClearAt() {
      return scheduledClipboardClearAt;
    },
    get scheduledLockAt() {
      return scheduledLockAt;
    },
    get exclusiveRuns() {
      return exclusiveRuns;
    },
    exclusive<T>(task: () => Promise<T>): Promise<T> {
      return serialized(() => {
        exclusiveRuns += 1;
        return task();
      });
    },
  };
}

/** Both storage areas at one moment, deep-copied. */
export interface StorageSnapshot {
  local: Record<string, unknown>;
  session: Record<string, unknown>;
}

export function snapshotStorage(ports: FakePorts): StorageSnapshot {
  return { local: ports.local.dump(), session: ports.session.dump() };
}

export function restoreStorage(ports: FakePorts, snapshot: StorageSnapshot): void {
  ports.local.load(snapshot.local);
  ports.session.load(snapshot.session);
}

/** Runs `task` and counts the storage writes it made in each area. */
export async function countWrites<T>(ports: FakePorts, task: () => Promise<T>): Promise<{ result: T; local: number; session: number }> {
  const local = ports.local.writes;
  const session = ports.session.writes;
  const result = await task();
  return { result, local: ports.local.writes - local, session: ports.session.writes - session };
}
