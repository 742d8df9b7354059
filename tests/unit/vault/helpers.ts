import type { Account } from '../../../lib/otp/account';
import { isPasswordSlot, type KdfParams, type KeySlot, type PasswordSlot, type VaultContents, type VaultDeps } from '../../../lib/vault';
import { DEFAULT_SETTINGS } from '../../../lib/vault/settings';
import { testAccount } from '../support/test-account';

/** Real randomness, as the extension injects it. */
export const deps: VaultDeps = { random: (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)) };

/** Tiny Argon2id cost so most tests run in milliseconds; one test uses the real defaults. */
export const FAST_KDF: KdfParams = { memoryKiB: 64, iterations: 1, parallelism: 1, testOnlyAllowWeak: true };

let counter = 0;

/** A valid account; `overrides` change any field. Secrets are distinct per call. */
export function account(overrides: Partial<Account> = {}): Account {
  counter += 1;
  const secretChars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let secret = '';
  for (let n = counter + 1000; secret.length < 32; n = Math.floor(n / 7) + n * 3 + 11) secret += secretChars[n % 32];
  return testAccount(`id-${counter}`, secret, 1_700_000_000_000, { issuer: `Issuer ${counter}`, accountName: `user${counter}@example.com`, ...overrides });
}

export function contents(overrides: Partial<VaultContents> = {}): VaultContents {
  return { accounts: [account(), account()], settings: { ...DEFAULT_SETTINGS }, tombstones: [], ...overrides };
}

/** Bytes of standard base64 (Node's Buffer, independent of the code under test). */
export const fromB64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));
export const toB64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The base64 text with one bit of byte `index` flipped (negative index counts from the end). */
export function flipByte(text: string, index: number): string {
  const bytes = fromB64(text);
  const i = index < 0 ? bytes.length + index : index;
  bytes[i] = (bytes[i] as number) ^ 0x01;
  return toB64(bytes);
}

/** A deep copy to tamper with. */
export const clone = <T>(value: T): T => structuredClone(value);

/** The (first) password slot of a vault or backup file of any version, live (edits change the file). */
export function pslot(file: { version: 1; passwordSlot: PasswordSlot } | { version: 2; slots: KeySlot[] }): PasswordSlot {
  if (file.version === 1) return file.passwordSlot;
  const slot = file.slots.find(isPasswordSlot);
  if (!slot) throw new Error('no password slot');
  return slot;
}
