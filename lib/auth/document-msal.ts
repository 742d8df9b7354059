import { installPersistentCookieJar } from './cookie-jar';
import type { CloudConfig } from './cloud-config';
import { localStorageJar } from './local-storage-jar';
import { createMsalSession, type MsalSession } from './msal-session';

/**
 * MSAL ready to use in one extension document: the persistent cookie jar first
 * (so MSAL finds its cache key), then the session. `win` is the document's
 * window, passed in so this module names no global.
 */
export async function createDocumentMsal(win: Window, config: CloudConfig, redirectUri: string): Promise<MsalSession> {
  await installPersistentCookieJar(win.document, {
    store: localStorageJar(win.localStorage),
    exclusive: (task) => win.navigator.locks.request('hikae-msal-cookie-jar', task) as Promise<Awaited<ReturnType<typeof task>>>,
    random: (bytes) => win.crypto.getRandomValues(new Uint8Array(bytes)),
    randomUuid: () => win.crypto.randomUUID(),
  });
  return createMsalSession({ config, redirectUri, sessionStorage: win.sessionStorage });
}
