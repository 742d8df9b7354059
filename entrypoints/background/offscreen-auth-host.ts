import { browser } from 'wxt/browser';
import type { AuthHost } from '../../lib/auth/auth-host';
import { AUTH_HOST_TARGET, decodeAuthError, type AuthHostAnswer, type AuthHostRequest } from '../../lib/auth/host-messages';

/** The subset of chrome.offscreen used here (not in webextension-polyfill's types). */
interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?: () => Promise<boolean>;
}
interface RuntimeContexts {
  getContexts?(filter: { contextTypes: string[] }): Promise<unknown[]>;
}

const OFFSCREEN_PATH = '/offscreen.html';

/** Creates the offscreen document unless it exists (Chrome allows one per extension). */
async function ensureOffscreenDocument(): Promise<void> {
  const chromeApi = (globalThis as unknown as { chrome: { offscreen: OffscreenApi; runtime: RuntimeContexts } }).chrome;
  const existing = await chromeApi.runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
  if (existing && existing.length > 0) return;
  try {
    await chromeApi.offscreen.createDocument({
      url: OFFSCREEN_PATH,
      // MSAL keeps its token cache in localStorage, which a service worker lacks.
      reasons: ['LOCAL_STORAGE'],
      justification: 'Run the Microsoft sign-in library (token cache in localStorage) for OneDrive backup.',
    });
  } catch (error) {
    // Two events racing to create it: the loser finds it there.
    if (!/single offscreen|already exists/i.test(String(error))) throw error;
  }
}

type WithoutTarget<T> = T extends unknown ? Omit<T, 'target'> : never;

async function call(request: WithoutTarget<AuthHostRequest>): Promise<unknown> {
  await ensureOffscreenDocument();
  const answer = (await browser.runtime.sendMessage({ target: AUTH_HOST_TARGET, ...request })) as AuthHostAnswer | undefined;
  if (!answer) throw new Error('The sign-in document did not answer.');
  if (!answer.ok) throw decodeAuthError(answer.error);
  return answer.value;
}

/** Chrome: MSAL runs in the offscreen document; the service worker asks it. */
export const offscreenAuthHost: AuthHost = {
  acquireToken: async (account, { forceRefresh }) => (await call({ op: 'token', account, forceRefresh })) as string,
  silentRenewalUrl: async (account) => (await call({ op: 'renewal-url', account })) as string,
  completeSignIn: async (responseUrl) => (await call({ op: 'complete', responseUrl })) as Awaited<ReturnType<AuthHost['completeSignIn']>>,
  abandonInteraction: async () => {
    await call({ op: 'abandon' });
  },
  signOut: async (account) => {
    await call({ op: 'sign-out', account });
  },
};
