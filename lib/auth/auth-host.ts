import type { SignedInAccount } from './signed-in-account';

/**
 * The document that runs msal-browser for the background: the offscreen
 * document in Chrome (its service worker has no window), the background page
 * itself in Firefox. Same operations either way; errors arrive as the classes
 * in ./errors.ts.
 */
export interface AuthHost {
  acquireToken(account: SignedInAccount, options: { forceRefresh: boolean }): Promise<string>;
  silentRenewalUrl(account: SignedInAccount): Promise<string>;
  completeSignIn(responseUrl: string): Promise<SignedInAccount>;
  abandonInteraction(): Promise<void>;
  signOut(account: SignedInAccount): Promise<void>;
}

/** Runs a sign-in URL in the browser's identity window without the user (prompt=none); resolves with the URL it ended on. */
export type SilentWebAuthFlow = (url: string) => Promise<string>;
