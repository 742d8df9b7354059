import { describe, expect, it } from 'vitest';
import { COOKIE_JAR_KEY, localStorageJar } from '../../../lib/auth/local-storage-jar';

/*
 * BUG (minor, lib/auth/local-storage-jar.ts line 17): load() accepts any JSON
 * object, so a damaged value that is an array, or an object whose values are
 * not strings, comes back as a "CookieJar" instead of {}. loadJarWithKey then
 * spreads the array into { "0": …, "1": … } and document.cookie serialises
 * "0=x=1; 1=y=2; …" or "a=[object Object]". Harmless to MSAL's key today, but
 * the documented contract is "anything unreadable → {}".
 */

function storageWith(value: string): Storage {
  const data = new Map([[COOKIE_JAR_KEY, value]]);
  return { getItem: (key: string) => data.get(key) ?? null, setItem: (key: string, v: string) => void data.set(key, v) } as unknown as Storage;
}

describe('BUG: localStorageJar.load accepts JSON that is not a jar', () => {
  it.each(['["x=1","y=2"]', '{"a":{"b":1}}'])('%s loads as {}', async (stored) => {
    expect(await localStorageJar(storageWith(stored)).load()).toEqual({});
  });
});
