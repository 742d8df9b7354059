import { describe, expect, it } from 'vitest';
import { VaultContentsCache } from '../../../lib/vault/contents-cache';
import { createVault, type VaultFile } from '../../../lib/vault';
import { clone, contents, deps, FAST_KDF, flipByte } from './helpers';

const made = await createVault('cache test password', contents(), deps, FAST_KDF);
const otherKey = Uint8Array.from(made.masterKey, (b) => b ^ 0xff);

describe('VaultContentsCache', () => {
  it.each<[string, (file: VaultFile) => VaultFile, Uint8Array]>([
    ['another nonce (a later write)', (f) => ({ ...f, payload: { ...f.payload, nonce: flipByte(f.payload.nonce, 0) } }), made.masterKey],
    ['another ciphertext with the same nonce (a planted or damaged file)', (f) => ({ ...f, payload: { ...f.payload, ciphertext: flipByte(f.payload.ciphertext, -1) } }), made.masterKey],
    ['another key id (another vault)', (f) => ({ ...f, keyId: flipByte(f.keyId, 0) }), made.masterKey],
    ['the same file under another key', (f) => f, otherKey],
    ['the same file under a shorter key', (f) => f, made.masterKey.slice(1)],
  ])('misses for %s', (_name, change, key) => {
    const cache = new VaultContentsCache();
    cache.remember(made.file, made.masterKey, contents());
    expect(cache.get(change(clone(made.file)), key)).toBeNull();
  });

  it('answers for a copy of the same file under the same key (as each storage read gives)', () => {
    const cache = new VaultContentsCache();
    const remembered = cache.remember(made.file, made.masterKey, contents());
    expect(cache.get(clone(made.file), made.masterKey.slice())).toBe(remembered);
  });

  it('holds nothing before the first remember and after clear', () => {
    const cache = new VaultContentsCache();
    expect(cache.get(made.file, made.masterKey)).toBeNull();
    cache.remember(made.file, made.masterKey, contents());
    expect(cache.holdsContents).toBe(true);
    cache.clear();
    expect(cache.holdsContents).toBe(false);
    expect(cache.get(made.file, made.masterKey)).toBeNull();
  });

  it('keeps its own copy of the key: wiping the caller\'s key bytes does not change what matches', () => {
    const cache = new VaultContentsCache();
    const key = made.masterKey.slice();
    cache.remember(made.file, key, contents());
    key.fill(0);
    expect(cache.get(made.file, made.masterKey)).not.toBeNull();
    expect(cache.get(made.file, key)).toBeNull();
  });

  it.each<[string, (c: ReturnType<typeof contents>) => void]>([
    ['adding an account', (c) => c.accounts.push(c.accounts[0]!)],
    ['renaming an account', (c) => {
      c.accounts[0]!.issuer = 'changed';
    }],
    ['changing a setting', (c) => {
      c.settings.autoLockMinutes = 1;
    }],
  ])('is frozen: %s in place throws instead of changing the cache', (_name, mutate) => {
    const cache = new VaultContentsCache();
    const remembered = cache.remember(made.file, made.masterKey, contents());
    const before = structuredClone(remembered);
    expect(() => mutate(remembered)).toThrow(TypeError);
    expect(cache.get(made.file, made.masterKey)).toEqual(before);
  });
});
