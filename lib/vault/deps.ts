import { InvalidVaultInputError } from './errors';

/** What the vault needs from its environment (injected: lib/ is pure). */
export type VaultDeps = {
  /** Cryptographically secure random bytes, e.g. `(n) => crypto.getRandomValues(new Uint8Array(n))`. */
  random(bytes: number): Uint8Array;
};

/** `deps.random(n)`, checked: a wrong length would silently weaken a nonce or key. */
export function randomBytes(deps: VaultDeps, bytes: number): Uint8Array<ArrayBuffer> {
  const value = deps.random(bytes);
  if (!(value instanceof Uint8Array) || value.length !== bytes) {
    throw new InvalidVaultInputError('bad-random', `deps.random(${bytes}) returned ${value instanceof Uint8Array ? value.length : typeof value} bytes.`);
  }
  const copy = new Uint8Array(new ArrayBuffer(bytes));
  copy.set(value);
  return copy;
}
