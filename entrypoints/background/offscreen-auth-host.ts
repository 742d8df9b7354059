import { browser } from 'wxt/browser';
import type { AuthHost } from '../../lib/auth/auth-host';
import { ensureOffscreenDocument } from './offscreen-document';
import { AUTH_HOST_TARGET, decodeAuthError, type AuthHostAnswer, type AuthHostRequest } from '../../lib/auth/host-messages';

type WithoutTarget<T> = T extends unknown ? Omit<T, 'target'> : never;

async function call(request: WithoutTarget<AuthHostRequest>): Promise<unknown> {
  await ensureOffscreenDocument();
  const answer = await browser.runtime.sendMessage<unknown, AuthHostAnswer | undefined>({ target: AUTH_HOST_TARGET, ...request });
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
