/**
 * What the background logic needs from the browser, passed in so lib/ stays pure
 * and the handlers run in Node tests against in-memory fakes. The background
 * entrypoint wires these to `browser.storage`, `browser.alarms`, WebCrypto and
 * Web Locks.
 */

/** One storage area (extension storage.local or storage.session). */
export interface KeyValueArea {
  get(key: string): Promise<unknown>;
  /** Writes one key in one storage call: the unit of atomicity. */
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface BackgroundPorts {
  /** Persistent, survives restarts: holds only encrypted data. */
  local: KeyValueArea;
  /** In memory, trusted extension contexts only, cleared when the browser closes: holds the unlocked key. */
  session: KeyValueArea;
  /** Milliseconds since the epoch. */
  now(): number;
  random(bytes: number): Uint8Array;
  /** A fresh random UUID. */
  randomId(): string;
  /** (Re)schedules the automatic lock at an absolute time; `null` cancels it. */
  scheduleAutoLock(atMs: number | null): Promise<void>;
  /**
   * Runs `task` with exclusive access to the vault, so two read-modify-write
   * changes arriving together cannot lose one another.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
}
