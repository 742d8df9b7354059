import {
  BrowserAuthError,
  CacheLookupPolicy,
  InteractionRequiredAuthError,
  PublicClientApplication,
  ServerError,
  type AccountInfo,
  type Configuration,
} from '@azure/msal-browser';
import { authorityHost, GRAPH_SCOPES, type CloudConfig } from './cloud-config';
import { AuthNetworkError, SignInFailedError, SignInRequiredError } from './errors';
import type { SignedInAccount } from './signed-in-account';

/*
 * msal-browser inside one extension document (options page, Chrome offscreen
 * document, Firefox background page). MSAL never navigates anywhere: its
 * redirect URL is captured (onRedirectNavigate → false) and handed to the
 * browser's identity.launchWebAuthFlow by the caller, whose answer comes back
 * through handleRedirectPromise. The token cache is MSAL's own localStorage
 * cache, readable across documents thanks to the persistent cookie jar
 * (cookie-jar.ts), which must be installed first.
 */


export interface MsalSession {
  /** The authorize URL of an interactive sign-in (account picker unless a hint is given). */
  signInUrl(options: { loginHint?: string; prompt?: 'select_account' | 'login' }): Promise<string>;
  /** The authorize URL of a silent renewal (prompt=none) for an account. */
  silentRenewalUrl(account: SignedInAccount): Promise<string>;
  /** Finishes a sign-in with the URL the identity flow ended on. */
  completeSignIn(responseUrl: string): Promise<SignedInAccount>;
  /** Forgets a pending interaction (after a cancelled or failed identity flow). */
  abandonInteraction(): void;
  /** An access token from the cache or the refresh token; never opens a window. */
  acquireToken(account: SignedInAccount, options: { forceRefresh: boolean }): Promise<string>;
  /** Removes the account and its tokens from the cache. */
  signOut(account: SignedInAccount): Promise<void>;
}

export interface MsalSessionOptions {
  config: CloudConfig;
  /** identity.getRedirectURL(): https://<id>.chromiumapp.org/ or https://<hash>.extensions.allizom.org/ */
  redirectUri: string;
  /** The document's sessionStorage, where MSAL keeps the state of a pending interaction. */
  sessionStorage: Storage;
}

const toAccount = (info: AccountInfo): SignedInAccount => ({
  homeAccountId: info.homeAccountId,
  username: info.username,
  name: info.name ?? info.username,
});

/** Errors that mean "a refresh token can't do it": expired (24 h for SPA), revoked, or none. */
export function isInteractionRequired(error: unknown): boolean {
  if (error instanceof InteractionRequiredAuthError) return true;
  // AADSTS700084 (SPA refresh token expired) surfaces as ServerError invalid_grant in some versions.
  return error instanceof ServerError && error.errorCode === 'invalid_grant';
}

function translate(error: unknown): Error {
  if (isInteractionRequired(error)) return new SignInRequiredError('The sign-in has expired.', { cause: error });
  if (error instanceof BrowserAuthError && /network|fetch/i.test(error.errorCode)) {
    return new AuthNetworkError('The sign-in service could not be reached.', { cause: error });
  }
  if (error instanceof ServerError) return new SignInFailedError(error.errorCode, error.errorMessage || error.message, { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}

export async function createMsalSession(options: MsalSessionOptions): Promise<MsalSession> {
  let capture: ((url: string) => void) | null = null;
  const configuration: Configuration = {
    auth: {
      clientId: options.config.clientId,
      authority: options.config.authority,
      knownAuthorities: [authorityHost(options.config)],
      redirectUri: options.redirectUri,
      onRedirectNavigate: (url) => {
        capture?.(url);
        capture = null;
        return false;
      },
    },
    cache: { cacheLocation: 'localStorage' },
  };
  const pca = new PublicClientApplication(configuration);
  await pca.initialize();

  /** Runs an MSAL redirect call and returns the URL it would have navigated to. */
  function capturedUrl(start: () => Promise<void>): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      capture = resolve;
      start().catch((error: unknown) => {
        capture = null;
        reject(translate(error));
      });
    });
  }

  function findAccount(account: SignedInAccount): AccountInfo {
    const info = pca.getAccount({ homeAccountId: account.homeAccountId });
    if (!info) throw new SignInRequiredError('This browser holds no sign-in for that account.');
    return info;
  }

  function abandonInteraction(): void {
    // MSAL marks an interaction "in progress" in sessionStorage until its answer is
    // handled; a cancelled identity window never answers, so clear the mark.
    const keys: string[] = [];
    for (let i = 0; i < options.sessionStorage.length; i++) {
      const key = options.sessionStorage.key(i);
      if (key?.startsWith('msal.')) keys.push(key);
    }
    for (const key of keys) options.sessionStorage.removeItem(key);
  }

  return {
    signInUrl: ({ loginHint, prompt }) => {
      abandonInteraction();
      return capturedUrl(() =>
        pca.loginRedirect({ scopes: GRAPH_SCOPES, prompt: prompt ?? (loginHint ? undefined : 'select_account'), loginHint }),
      );
    },
    silentRenewalUrl: (account) => {
      abandonInteraction();
      return capturedUrl(() =>
        pca.acquireTokenRedirect({ scopes: GRAPH_SCOPES, prompt: 'none', loginHint: account.username, account: findAccount(account) }),
      );
    },
    async completeSignIn(responseUrl) {
      const hash = responseUrl.slice(responseUrl.indexOf('#'));
      try {
        const result = await pca.handleRedirectPromise({ hash, navigateToLoginRequestUrl: false });
        if (!result?.account) throw new SignInFailedError('no_result', 'The sign-in answer could not be used.');
        pca.setActiveAccount(result.account);
        return toAccount(result.account);
      } catch (error) {
        abandonInteraction();
        throw translate(error);
      }
    },
    abandonInteraction,
    async acquireToken(account, { forceRefresh }) {
      try {
        const result = await pca.acquireTokenSilent({
          scopes: GRAPH_SCOPES,
          account: findAccount(account),
          forceRefresh,
          // The default falls back to a hidden iframe, which can't work in an extension.
          cacheLookupPolicy: forceRefresh ? CacheLookupPolicy.RefreshToken : CacheLookupPolicy.AccessTokenAndRefreshToken,
        });
        return result.accessToken;
      } catch (error) {
        throw translate(error);
      }
    },
    async signOut(account) {
      const info = pca.getAccount({ homeAccountId: account.homeAccountId });
      if (info) await pca.clearCache({ account: info });
    },
  };
}
