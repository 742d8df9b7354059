/*
 * The fix for MSAL's token cache in an extension (msal-js#7975, see
 * docs/security.md "Where the sign-in lives").
 *
 * Since v4, msal-browser encrypts its localStorage cache with a key it keeps in a
 * `Secure; SameSite=None` session cookie. Extension pages have no usable
 * document.cookie (Chromium drops Secure cookies on chrome-extension://, Firefox
 * keeps none on moz-extension://), so every document made a new key and could
 * not read what another had written: signed out on every page open, after every
 * restart, and one document wiping another's cache.
 *
 * Here each document that runs MSAL gets a document.cookie backed by one jar in
 * extension storage: the key is created once (under a Web Lock, so two documents
 * starting together agree on it), survives restarts, and is shared by the options
 * page, the offscreen document (Chrome) and the background page (Firefox).
 */

/** The cookie msal-browser keeps its cache key in. */
export const MSAL_KEY_COOKIE = 'msal.cache.encryption';

export type CookieJar = Record<string, string>;

export interface CookieJarStore {
  load(): Promise<CookieJar>;
  save(jar: CookieJar): Promise<void>;
}

export interface CookieJarDeps {
  store: CookieJarStore;
  /** Runs `task` holding a lock shared by all extension documents (navigator.locks). */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  random(bytes: number): Uint8Array;
  randomUuid(): string;
}

const base64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** Cookie serialisation as document.cookie returns it: "a=1; b=2". */
export function serializeJar(jar: CookieJar): string {
  return Object.entries(jar)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
}

/**
 * Applies one `document.cookie = "…"` assignment to the jar: name=value with
 * attributes; an expiry in the past (how cookies are deleted) removes it.
 */
export function applyCookieAssignment(jar: CookieJar, assignment: string, nowMs: number): CookieJar {
  const [pair = '', ...attributes] = assignment.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return jar;
  const name = pair.slice(0, eq).trim();
  const value = pair.slice(eq + 1).trim();
  const expires = attributes.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith('expires='));
  const maxAge = attributes.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith('max-age='));
  const expired =
    (expires !== undefined && Date.parse(expires.slice('expires='.length)) <= nowMs) ||
    (maxAge !== undefined && Number(maxAge.slice('max-age='.length)) <= 0);
  const next = { ...jar };
  if (expired) delete next[name];
  else next[name] = value;
  return next;
}

/** The jar, with MSAL's cache key created if it has none yet (once, for every document). */
export async function loadJarWithKey(deps: CookieJarDeps): Promise<CookieJar> {
  const jar = await deps.store.load();
  if (jar[MSAL_KEY_COOKIE]) return jar;
  return deps.exclusive(async () => {
    const current = await deps.store.load();
    if (current[MSAL_KEY_COOKIE]) return current;
    // The shape msal-browser writes itself: a GUID and a base64url 256-bit key.
    const value = encodeURIComponent(JSON.stringify({ id: deps.randomUuid(), key: base64Url(deps.random(32)) }));
    const next = { ...current, [encodeURIComponent(MSAL_KEY_COOKIE)]: value };
    await deps.store.save(next);
    return next;
  });
}

/**
 * Replaces `document.cookie` of one document with the persistent jar. Must run
 * before msal-browser initialises in that document.
 */
export async function installPersistentCookieJar(doc: Document, deps: CookieJarDeps, now: () => number = Date.now): Promise<void> {
  let jar = await loadJarWithKey(deps);
  Object.defineProperty(doc, 'cookie', {
    configurable: true,
    get: () => serializeJar(jar),
    set: (assignment: string) => {
      jar = applyCookieAssignment(jar, String(assignment), now());
      void deps.store.save(jar);
    },
  });
}
