import type { VaultContents } from './contents';
import type { VaultFile } from './file';

/**
 * The decrypted vault contents of one unlocked session, kept in memory so that
 * opening the popup does not decrypt and re-validate the whole vault each time.
 *
 * - Memory only: never written to any storage; a killed worker loses it and
 *   simply decrypts the vault again on its next request.
 * - Tied to the exact stored file it was read from (key id, nonce and
 *   ciphertext) and to the exact master key: any other file — a write, a
 *   restore, a damaged or planted vault — or another key is a miss, so the
 *   cache can never answer for data it did not decrypt.
 * - Emptied on lock, with the key.
 * - Deeply frozen: a caller that changed the contents in place would change the
 *   cache too, so such a bug throws instead of silently diverging from storage.
 */
export class VaultContentsCache {
  private entry: { keyId: string; nonce: string; ciphertext: string; masterKey: Uint8Array; contents: VaultContents } | null = null;

  /** The contents decrypted from `file` with `masterKey`, if this is what the cache holds. */
  get(file: VaultFile, masterKey: Uint8Array): VaultContents | null {
    const entry = this.entry;
    if (!entry) return null;
    const same =
      entry.keyId === file.keyId &&
      entry.nonce === file.payload.nonce &&
      entry.ciphertext === file.payload.ciphertext &&
      sameBytes(entry.masterKey, masterKey);
    return same ? entry.contents : null;
  }

  /**
   * Remembers `contents` as what `file` holds under `masterKey` (after opening
   * it, or after writing it). Returns the frozen contents that are now cached.
   */
  remember(file: VaultFile, masterKey: Uint8Array, contents: VaultContents): VaultContents {
    const frozen = deepFreeze(contents);
    this.entry = { keyId: file.keyId, nonce: file.payload.nonce, ciphertext: file.payload.ciphertext, masterKey: masterKey.slice(), contents: frozen };
    return frozen;
  }

  /** Forgets the contents and the key (on lock, and whenever a session ends). */
  clear(): void {
    this.entry?.masterKey.fill(0);
    this.entry = null;
  }

  /** Whether anything is held (for tests of the lock path). */
  get holdsContents(): boolean {
    return this.entry !== null;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
