import { describe, expect, it } from 'vitest';
import {
  applyCookieAssignment,
  installPersistentCookieJar,
  loadJarWithKey,
  MSAL_KEY_COOKIE,
  serializeJar,
  type CookieJar,
  type CookieJarDeps,
  type CookieJarStore,
} from '../../../lib/auth/cookie-jar';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const PAST = new Date(NOW - 24 * 3600 * 1000).toUTCString();
const FUTURE = new Date(NOW + 24 * 3600 * 1000).toUTCString();
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The jar in memory, asynchronous like real storage; counts loads and saves. */
class MemoryJarStore implements CookieJarStore {
  saves = 0;
  loads = 0;
  constructor(private jar: CookieJar = {}) {}
  async load(): Promise<CookieJar> {
    this.loads += 1;
    const copy = structuredClone(this.jar);
    await tick();
    return copy;
  }
  async save(jar: CookieJar): Promise<void> {
    await tick();
    this.saves += 1;
    this.jar = structuredClone(jar);
  }
  peek(): CookieJar {
    return structuredClone(this.jar);
  }
}

/** A promise-chain mutex, as navigator.locks.request serialises tasks across documents. */
function mutex() {
  let tail: Promise<unknown> = Promise.resolve();
  let runs = 0;
  return {
    get runs() {
      return runs;
    },
    exclusive<T>(task: () => Promise<T>): Promise<T> {
      const result = tail.then(() => {
        runs += 1;
        return task();
      });
      tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
  };
}

let nextSeed = 1;
/** Deps with a counting, deterministic random source and UUIDs, distinct per call (each is one document). */
function deps(store: MemoryJarStore, exclusive: CookieJarDeps['exclusive'] = mutex().exclusive) {
  const seed = nextSeed++;
  const calls = { random: 0, uuid: 0 };
  const generated: Uint8Array[] = [];
  const value: CookieJarDeps & { calls: typeof calls; generated: Uint8Array[] } = {
    store,
    exclusive,
    random: (n) => {
      calls.random += 1;
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + calls.random * 101 + seed * 53) & 0xff);
      generated.push(bytes.slice());
      return bytes;
    },
    randomUuid: () => {
      calls.uuid += 1;
      return `6f1c2b3a-4d5e-4f60-8${seed.toString(16).padStart(3, '0')}-${calls.uuid.toString(16).padStart(12, '0')}`;
    },
    calls,
    generated,
  };
  return value;
}

/** How msal-browser 5's CookieStorage.getItem reads a cookie: split on ";", name URL-encoded, value URL-decoded. */
function msalGetCookie(cookieHeader: string, key: string): string {
  const name = encodeURIComponent(key);
  for (const part of cookieHeader.split(';')) {
    const cookie = part.trim();
    const eq = cookie.indexOf('=');
    if ((eq === -1 ? cookie : cookie.slice(0, eq)) === name) return decodeURIComponent(eq === -1 ? '' : cookie.slice(eq + 1));
  }
  return '';
}

/** The encryption cookie as MSAL parses it, with the decoded key bytes. */
function msalKeyOf(cookieHeader: string): { id: string; key: string; bytes: Uint8Array } {
  const { id, key } = JSON.parse(msalGetCookie(cookieHeader, MSAL_KEY_COOKIE)) as { id: string; key: string };
  return { id, key, bytes: new Uint8Array(Buffer.from(key, 'base64url')) };
}

describe('applyCookieAssignment', () => {
  it.each<{ name: string; jar: CookieJar; assignment: string; expected: CookieJar }>([
    { name: 'sets a new cookie', jar: {}, assignment: 'a=1', expected: { a: '1' } },
    { name: 'overwrites a cookie', jar: { a: '1' }, assignment: 'a=2', expected: { a: '2' } },
    { name: 'keeps the other cookies', jar: { a: '1', b: '2' }, assignment: 'b=3', expected: { a: '1', b: '3' } },
    { name: 'ignores path, SameSite and Secure', jar: {}, assignment: 'a=1; path=/; SameSite=None; Secure', expected: { a: '1' } },
    { name: "takes MSAL's own assignment (no spaces, trailing ;)", jar: {}, assignment: 'msal.cache.encryption=%7B%22id%22%7D;path=/;SameSite=None;Secure;', expected: { 'msal.cache.encryption': '%7B%22id%22%7D' } },
    { name: 'keeps a cookie expiring in the future', jar: {}, assignment: `a=1; expires=${FUTURE}`, expected: { a: '1' } },
    { name: 'deletes with an expiry in the past', jar: { a: '1', b: '2' }, assignment: `a=; expires=${PAST}`, expected: { b: '2' } },
    { name: 'deletes with the epoch', jar: { a: '1' }, assignment: 'a=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/', expected: {} },
    { name: 'deletes with an expiry of exactly now', jar: { a: '1' }, assignment: `a=1; expires=${new Date(NOW).toUTCString()}`, expected: {} },
    { name: 'reads the Expires attribute in any case', jar: { a: '1' }, assignment: `a=; EXPIRES=${PAST}`, expected: {} },
    { name: "takes MSAL's removeItem (expires yesterday)", jar: { a: '1' }, assignment: `a=;path=/;SameSite=Lax;expires=${PAST};Secure;`, expected: {} },
    { name: 'deletes with max-age=0', jar: { a: '1' }, assignment: 'a=1; max-age=0', expected: {} },
    { name: 'deletes with a negative Max-Age', jar: { a: '1' }, assignment: 'a=1; Max-Age=-1', expected: {} },
    { name: 'keeps a cookie with a positive max-age', jar: {}, assignment: 'a=1; max-age=3600', expected: { a: '1' } },
    { name: 'deleting an absent cookie changes nothing', jar: { b: '2' }, assignment: `a=; expires=${PAST}`, expected: { b: '2' } },
    { name: 'keeps "=" inside the value', jar: {}, assignment: 'a=b=c', expected: { a: 'b=c' } },
    { name: 'trims the name and the value', jar: {}, assignment: '  a =  1  ; path=/', expected: { a: '1' } },
    { name: 'sets an empty value', jar: {}, assignment: 'a=', expected: { a: '' } },
    { name: 'ignores an assignment without "="', jar: { a: '1' }, assignment: 'nonsense', expected: { a: '1' } },
    { name: 'ignores an assignment without a name', jar: { a: '1' }, assignment: '=1', expected: { a: '1' } },
    { name: 'ignores an empty assignment', jar: { a: '1' }, assignment: '', expected: { a: '1' } },
  ])('$name', ({ jar, assignment, expected }) => {
    const before = structuredClone(jar);
    expect(applyCookieAssignment(jar, assignment, NOW)).toEqual(expected);
    expect(jar).toEqual(before);
  });
});

describe('serializeJar', () => {
  it.each<[CookieJar, string]>([
    [{}, ''],
    [{ a: '1' }, 'a=1'],
    [{ a: '1', b: '2', c: '' }, 'a=1; b=2; c='],
  ])('%j → "%s"', (jar, expected) => {
    expect(serializeJar(jar)).toBe(expected);
  });

  it('gives back every cookie as document.cookie readers parse it', () => {
    const jar: CookieJar = { a: '1', 'msal.cache.encryption': encodeURIComponent('{"id":"x","key":"y"}'), b: 'two words' };
    const header = serializeJar(jar);
    expect(msalGetCookie(header, 'a')).toBe('1');
    expect(msalGetCookie(header, 'b')).toBe('two words');
    expect(JSON.parse(msalGetCookie(header, MSAL_KEY_COOKIE))).toEqual({ id: 'x', key: 'y' });
  });
});

describe('loadJarWithKey', () => {
  it("creates MSAL's key once, in MSAL's shape: a GUID and a base64url 256-bit key, URL-encoded", async () => {
    const store = new MemoryJarStore({ other: 'kept' });
    const d = deps(store);

    const jar = await loadJarWithKey(d);

    expect(Object.keys(jar).sort()).toEqual([MSAL_KEY_COOKIE, 'other']);
    expect(jar.other).toBe('kept');
    expect(store.peek()).toEqual(jar);
    const raw = jar[MSAL_KEY_COOKIE] ?? '';
    expect(raw).not.toMatch(/[{}":]/); // URL-encoded, as msal-browser writes it
    const { id, key, bytes } = msalKeyOf(serializeJar(jar));
    expect(id).toMatch(GUID);
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(bytes).toEqual(d.generated[0]);
    expect(bytes).toHaveLength(32);
    expect(d.calls).toEqual({ random: 1, uuid: 1 });
  });

  it('returns an existing key untouched, without taking the lock', async () => {
    const store = new MemoryJarStore();
    const lock = mutex();
    const first = await loadJarWithKey(deps(store, lock.exclusive));
    const runsAfterFirst = lock.runs;
    const savesAfterFirst = store.saves;
    const d = deps(store, lock.exclusive);

    const second = await loadJarWithKey(d);

    expect(second).toEqual(first);
    expect(lock.runs).toBe(runsAfterFirst);
    expect(store.saves).toBe(savesAfterFirst);
    expect(d.calls).toEqual({ random: 0, uuid: 0 });
  });

  it('two documents loading at once under the shared lock get the SAME key, created once', async () => {
    const store = new MemoryJarStore();
    const lock = mutex();
    const one = deps(store, lock.exclusive);
    const two = deps(store, lock.exclusive);

    const [a, b] = await Promise.all([loadJarWithKey(one), loadJarWithKey(two)]);

    expect(a[MSAL_KEY_COOKIE]).toBeDefined();
    expect(b[MSAL_KEY_COOKIE]).toBe(a[MSAL_KEY_COOKIE]);
    expect(store.peek()[MSAL_KEY_COOKIE]).toBe(a[MSAL_KEY_COOKIE]);
    expect(store.saves).toBe(1);
    expect(one.calls.uuid + two.calls.uuid).toBe(1);
  });

  it('(control) without a lock the same race gives two keys: the lock is what makes them agree', async () => {
    const store = new MemoryJarStore();
    const noLock = <T,>(task: () => Promise<T>) => task();

    const [a, b] = await Promise.all([loadJarWithKey(deps(store, noLock)), loadJarWithKey(deps(store, noLock))]);

    expect(b[MSAL_KEY_COOKIE]).not.toBe(a[MSAL_KEY_COOKIE]);
  });
});

describe('installPersistentCookieJar', () => {
  /** A stand-in for a document: only `cookie` is used. */
  const fakeDocument = () => ({}) as unknown as Document & { cookie: string };

  it('reading document.cookie gives the jar, with the key already there for MSAL', async () => {
    const store = new MemoryJarStore({ a: '1' });
    const doc = fakeDocument();

    await installPersistentCookieJar(doc, deps(store), () => NOW);

    expect(doc.cookie).toBe(serializeJar(store.peek()));
    expect(msalGetCookie(doc.cookie, 'a')).toBe('1');
    expect(msalKeyOf(doc.cookie).bytes).toHaveLength(32);
  });

  it('assigning document.cookie changes what it reads and persists to the store', async () => {
    const store = new MemoryJarStore();
    const doc = fakeDocument();
    await installPersistentCookieJar(doc, deps(store), () => NOW);

    doc.cookie = 'x=1; path=/; Secure';
    expect(msalGetCookie(doc.cookie, 'x')).toBe('1');
    await tick();
    expect(store.peek().x).toBe('1');

    doc.cookie = `x=; expires=${PAST}`;
    expect(msalGetCookie(doc.cookie, 'x')).toBe('');
    await tick();
    expect(store.peek()).not.toHaveProperty('x');
    expect(store.peek()).toHaveProperty(MSAL_KEY_COOKIE);
  });

  it('judges expiry with the injected clock', async () => {
    const store = new MemoryJarStore();
    const doc = fakeDocument();
    let now = NOW;
    await installPersistentCookieJar(doc, deps(store), () => now);
    const at = new Date(NOW + 60_000).toUTCString();

    doc.cookie = `x=1; expires=${at}`;
    expect(msalGetCookie(doc.cookie, 'x')).toBe('1');
    now = NOW + 120_000;
    doc.cookie = `x=1; expires=${at}`;
    expect(msalGetCookie(doc.cookie, 'x')).toBe('');
  });

  it('a document opened later (or after a restart) reads the same key', async () => {
    const store = new MemoryJarStore();
    const lock = mutex();
    const first = fakeDocument();
    const second = fakeDocument();

    await installPersistentCookieJar(first, deps(store, lock.exclusive), () => NOW);
    await installPersistentCookieJar(second, deps(store, lock.exclusive), () => NOW);

    expect(msalKeyOf(second.cookie)).toEqual(msalKeyOf(first.cookie));
  });
});
