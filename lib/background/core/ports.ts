import type { GraphClient } from '../../graph';
import type { SignedInAccount } from '../../auth/signed-in-account';
import type { SqliteEngine } from '../../import/sqlite-engine';
import type { StorageArea } from '../../storage';
import type { VaultContentsCache } from '../../vault/contents-cache';

/**
 * What the background logic needs from the browser, passed in so lib/ stays pure
 * and the handlers run in Node tests against in-memory fakes. The background
 * entrypoint wires these to `browser.storage`, `browser.alarms`, WebCrypto and
 * Web Locks.
 */

/** One storage area (extension storage.local or storage.session); what may be stored in it: lib/storage/items.ts. */
export type KeyValueArea = StorageArea;

export interface BackgroundPorts {
  /** Persistent, survives restarts: holds only encrypted data. */
  local: KeyValueArea;
  /** In memory, trusted extension contexts only, cleared when the browser closes: holds the unlocked key. */
  session: KeyValueArea;
  /**
   * The decrypted contents of this unlocked session, in this worker's memory only
   * (lib/vault/contents-cache.ts); emptied on lock, lost — and rebuilt on the next
   * request — when the worker is killed.
   */
  vaultCache: VaultContentsCache;
  /** Milliseconds since the epoch. */
  now(): number;
  random(bytes: number): Uint8Array;
  /** A fresh random UUID. */
  randomId(): string;
  /** (Re)schedules the automatic lock at an absolute time; `null` cancels it. */
  scheduleAutoLock(atMs: number | null): Promise<void>;
  /** (Re)schedules clearing the copied code from the clipboard at an absolute time; `null` cancels it. */
  scheduleClipboardClear(atMs: number | null): Promise<void>;
  /**
   * Runs `task` with exclusive access to the vault, so two read-modify-write
   * changes arriving together cannot lose one another.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /**
   * SQLite (sql.js) for importing Microsoft Authenticator databases; compiles its
   * WebAssembly on first use only. Absent → such files fail as unreadable.
   */
  sqlite?: SqliteEngine;
  /** This device as a backup names it, e.g. { deviceName: 'Chrome on Linux', browser: 'Chrome 156' }. */
  device: { deviceName: string; browser: string };
  /** Asks for a backup pass soon (after a change, after unlock); returns at once. */
  requestSync(): void;
  /** The cloud side: Graph as the signed-in account, retry scheduling, sign-out. */
  cloud: CloudPorts;
}

export interface CloudPorts {
  /** False when this build has no Microsoft app registered. */
  configured: boolean;
  graph(account: SignedInAccount): GraphClient;
  /** (Re)schedules the automatic backup retry; `null` cancels it. */
  scheduleRetry(atMs: number | null): Promise<void>;
  /** Forgets the account's tokens. */
  signOut(account: SignedInAccount): Promise<void>;
}
