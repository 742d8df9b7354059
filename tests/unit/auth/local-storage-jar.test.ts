import { describe, expect, it } from 'vitest';
import { COOKIE_JAR_KEY, localStorageJar } from '../../../lib/auth/local-storage-jar';

/** localStorage in memory (only what the jar uses is real; the cast is the Storage interface's index signature). */
function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  const storage = {
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, String(value)),
    removeItem: (key: string) => void data.delete(key),
    clear: () => data.clear(),
  };
  return { storage: storage as unknown as Storage, data };
}

describe('localStorageJar', () => {
  it('an absent jar loads as {}', async () => {
    expect(await localStorageJar(memoryStorage().storage).load()).toEqual({});
  });

  it.each(['not json', '', '{', '{"a":', 'null', '42', '"a string"', 'true', 'undefined'])('garbage %j loads as {}', async (stored) => {
    const { storage } = memoryStorage({ [COOKIE_JAR_KEY]: stored });
    expect(await localStorageJar(storage).load()).toEqual({});
  });

  it('saves the jar as JSON under its key, and loads it back', async () => {
    const { storage, data } = memoryStorage({ unrelated: 'kept' });
    const jar = localStorageJar(storage);
    await jar.save({ 'msal.cache.encryption': '%7B%7D', a: '1' });
    expect(JSON.parse(data.get(COOKIE_JAR_KEY) ?? '')).toEqual({ 'msal.cache.encryption': '%7B%7D', a: '1' });
    expect(data.get('unrelated')).toBe('kept');
    expect(await jar.load()).toEqual({ 'msal.cache.encryption': '%7B%7D', a: '1' });
  });

  it('two stores on the same storage share the jar (two documents of the extension)', async () => {
    const { storage } = memoryStorage();
    await localStorageJar(storage).save({ a: '1' });
    expect(await localStorageJar(storage).load()).toEqual({ a: '1' });
  });
});
