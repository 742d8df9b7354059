import { AuthNetworkError, SignInCancelledError, SignInFailedError, SignInRequiredError } from './errors';
import type { SignedInAccount } from './signed-in-account';

/*
 * Messages from the Chrome service worker to the offscreen document that runs
 * MSAL for it. Only the worker sends them (the offscreen document checks the
 * sender); errors cross as { name, message } and are rebuilt into their classes.
 */

export const AUTH_HOST_TARGET = 'hikae-auth-host';

export type AuthHostRequest =
  | { target: typeof AUTH_HOST_TARGET; op: 'token'; account: SignedInAccount; forceRefresh: boolean }
  | { target: typeof AUTH_HOST_TARGET; op: 'renewal-url'; account: SignedInAccount }
  | { target: typeof AUTH_HOST_TARGET; op: 'complete'; responseUrl: string }
  | { target: typeof AUTH_HOST_TARGET; op: 'abandon' }
  | { target: typeof AUTH_HOST_TARGET; op: 'sign-out'; account: SignedInAccount };

export type AuthHostAnswer = { ok: true; value: unknown } | { ok: false; error: { name: string; message: string; code?: string } };

export function encodeAuthError(error: unknown): AuthHostAnswer {
  const e = error instanceof Error ? error : new Error(String(error));
  return { ok: false, error: { name: e.name, message: e.message, ...(e instanceof SignInFailedError ? { code: e.code } : {}) } };
}

export function decodeAuthError(error: { name: string; message: string; code?: string }): Error {
  switch (error.name) {
    case 'SignInRequiredError':
      return new SignInRequiredError(error.message);
    case 'SignInCancelledError':
      return new SignInCancelledError(error.message);
    case 'AuthNetworkError':
      return new AuthNetworkError(error.message);
    case 'SignInFailedError':
      return new SignInFailedError(error.code ?? 'unknown', error.message);
    default:
      return new Error(error.message);
  }
}

export function isAuthHostRequest(message: unknown): message is AuthHostRequest {
  return typeof message === 'object' && message !== null && (message as { target?: unknown }).target === AUTH_HOST_TARGET;
}
