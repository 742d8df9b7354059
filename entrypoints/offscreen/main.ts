import { browser } from 'wxt/browser';
import { BUILD_CLOUD_CONFIG } from '../../lib/auth/build-config';
import { createDocumentMsal } from '../../lib/auth/document-msal';
import { encodeAuthError, isAuthHostRequest, type AuthHostAnswer, type AuthHostRequest } from '../../lib/auth/host-messages';
import type { MsalSession } from '../../lib/auth/msal-session';
import { clearClipboardIfHolds, isClipboardClearRequest } from './dom-clipboard';

/*
 * Chrome's offscreen document: runs msal-browser for the service worker, which
 * has no window, and clears a copied code from the clipboard. Answers only the worker (a message from an extension page or
 * a tab carries a URL/tab; the worker's does not).
 */

// Chrome's identity redirect URL for this extension (chrome.identity is not available here).
const redirectUri = `https://${browser.runtime.id}.chromiumapp.org/`;
const session: Promise<MsalSession> = createDocumentMsal(window, BUILD_CLOUD_CONFIG, redirectUri);

async function answer(request: AuthHostRequest): Promise<unknown> {
  const msal = await session;
  switch (request.op) {
    case 'token':
      return msal.acquireToken(request.account, { forceRefresh: request.forceRefresh });
    case 'renewal-url':
      return msal.silentRenewalUrl(request.account);
    case 'complete':
      return msal.completeSignIn(request.responseUrl);
    case 'abandon':
      msal.abandonInteraction();
      return null;
    case 'sign-out':
      await msal.signOut(request.account);
      return null;
  }
}

// The worker asks to clear a copied code from the clipboard (the worker has no clipboard).
browser.runtime.onMessage.addListener((message, sender) => {
  if (!isClipboardClearRequest(message) || sender.id !== browser.runtime.id || sender.tab || (sender.url && !sender.url.endsWith('/background.js'))) {
    return undefined;
  }
  try {
    return Promise.resolve({ ok: true, cleared: clearClipboardIfHolds(document, message.text) });
  } catch (error) {
    return Promise.resolve({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});

browser.runtime.onMessage.addListener((message, sender): Promise<AuthHostAnswer> | undefined => {
  if (!isAuthHostRequest(message) || sender.id !== browser.runtime.id || sender.tab || (sender.url && !sender.url.endsWith('/background.js'))) {
    return undefined;
  }
  return answer(message).then(
    (value) => ({ ok: true, value }),
    (error: unknown) => encodeAuthError(error),
  );
});
