import type { AuthHost } from '../../lib/auth/auth-host';
import { BUILD_CLOUD_CONFIG } from '../../lib/auth/build-config';
import { createDocumentMsal } from '../../lib/auth/document-msal';
import type { MsalSession } from '../../lib/auth/msal-session';
import { browser } from 'wxt/browser';

/*
 * Firefox: the background is an event page with a DOM, so MSAL runs right here.
 * The session is made once per page life (the page is suspended when idle, and
 * MSAL's cache lives in localStorage, so nothing is lost when it is).
 */
let session: Promise<MsalSession> | null = null;
const msal = () => (session ??= createDocumentMsal(window, BUILD_CLOUD_CONFIG, browser.identity.getRedirectURL()));

export const pageAuthHost: AuthHost = {
  acquireToken: async (account, options) => (await msal()).acquireToken(account, options),
  silentRenewalUrl: async (account) => (await msal()).silentRenewalUrl(account),
  completeSignIn: async (responseUrl) => (await msal()).completeSignIn(responseUrl),
  abandonInteraction: async () => (await msal()).abandonInteraction(),
  signOut: async (account) => (await msal()).signOut(account),
};
