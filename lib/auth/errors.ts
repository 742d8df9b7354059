import { fixedMessageError } from '../fixed-message-error';

/**
 * The signed-in session can't be renewed without the user: the refresh token
 * expired (SPA refresh tokens last 24 h) and the identity provider has no live
 * session. The UI shows "Sign in again" — the article's red dot.
 */
export class SignInRequiredError extends Error {
  override readonly name = 'SignInRequiredError';
}

/** The user closed or cancelled the sign-in window. */
export class SignInCancelledError extends Error {
  override readonly name = 'SignInCancelledError';
}

/** The identity provider answered the sign-in with an error (access denied, bad request…). */
export class SignInFailedError extends Error {
  override readonly name = 'SignInFailedError';
  constructor(readonly code: string, message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/** The identity provider could not be reached. */
export class AuthNetworkError extends Error {
  override readonly name = 'AuthNetworkError';
}

/** This build has no Microsoft app registered (no client id). */
export class CloudNotConfiguredError extends fixedMessageError('CloudNotConfiguredError', 'This build has no Microsoft app registered: set WXT_MS_CLIENT_ID when building.') {}
