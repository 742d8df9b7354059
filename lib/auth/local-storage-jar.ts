import type { CookieJar, CookieJarStore } from './cookie-jar';

/** Where the cookie jar lives: the extension origin's localStorage, next to MSAL's own cache. */
export const COOKIE_JAR_KEY = 'hikae.msal-cookie-jar';

/**
 * The jar in localStorage: shared by every document of the extension's origin
 * (options page, Chrome offscreen document — which can't use extension storage —
 * and Firefox's background page), kept across restarts, readable by no web page
 * and no content script.
 */
export function localStorageJar(storage: Storage): CookieJarStore {
  return {
    async load() {
      try {
        const parsed: unknown = JSON.parse(storage.getItem(COOKIE_JAR_KEY) ?? '{}');
        // Damaged storage (an array, non-string values) starts an empty jar: MSAL makes a new key.
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
        if (!Object.values(parsed).every((v) => typeof v === 'string')) return {};
        return parsed as CookieJar;
      } catch {
        return {};
      }
    },
    async save(jar) {
      storage.setItem(COOKIE_JAR_KEY, JSON.stringify(jar));
    },
  };
}
