import { describe, expect, it } from 'vitest';
import { AuthNetworkError, SignInCancelledError, SignInFailedError, SignInRequiredError } from '../../../lib/auth/errors';
import { AUTH_HOST_TARGET, decodeAuthError, encodeAuthError, isAuthHostRequest } from '../../../lib/auth/host-messages';

/** Encoded, sent as a message (JSON-like clone), decoded on the other side. */
function roundTrip(error: unknown): Error {
  const answer = JSON.parse(JSON.stringify(encodeAuthError(error))) as ReturnType<typeof encodeAuthError>;
  if (answer.ok) throw new Error('an error was encoded as a success');
  return decodeAuthError(answer.error);
}

describe('encodeAuthError / decodeAuthError', () => {
  it.each<{ name: string; error: Error; type: new (...args: never[]) => Error }>([
    { name: 'SignInRequiredError', error: new SignInRequiredError('The sign-in has expired.'), type: SignInRequiredError },
    { name: 'SignInCancelledError', error: new SignInCancelledError('The sign-in window was closed.'), type: SignInCancelledError },
    { name: 'AuthNetworkError', error: new AuthNetworkError('The sign-in service could not be reached.'), type: AuthNetworkError },
    { name: 'SignInFailedError', error: new SignInFailedError('access_denied', 'The user declined.'), type: SignInFailedError },
  ])('$name keeps its class, name and message', ({ error, type }) => {
    const decoded = roundTrip(error);
    expect(decoded).toBeInstanceOf(type);
    expect(decoded.name).toBe(error.name);
    expect(decoded.message).toBe(error.message);
  });

  it("SignInFailedError keeps the identity provider's code", () => {
    const decoded = roundTrip(new SignInFailedError('invalid_grant', 'AADSTS700084: The refresh token has expired.'));
    expect(decoded).toBeInstanceOf(SignInFailedError);
    expect((decoded as SignInFailedError).code).toBe('invalid_grant');
  });

  it('encodes the code only for SignInFailedError', () => {
    expect(encodeAuthError(new SignInFailedError('access_denied', 'no'))).toEqual({ ok: false, error: { name: 'SignInFailedError', message: 'no', code: 'access_denied' } });
    expect(encodeAuthError(new SignInRequiredError('again'))).toEqual({ ok: false, error: { name: 'SignInRequiredError', message: 'again' } });
  });

  it.each<[string, unknown, string]>([
    ['another Error class', new TypeError('x is not a function'), 'x is not a function'],
    ['a thrown string', 'plain failure', 'plain failure'],
    ['a thrown number', 42, '42'],
  ])('%s becomes a plain Error with its message', (_name, thrown, message) => {
    const decoded = roundTrip(thrown);
    expect(decoded.constructor).toBe(Error);
    expect(decoded.message).toBe(message);
  });

  it('a SignInFailedError arriving without a code gets "unknown"', () => {
    const decoded = decodeAuthError({ name: 'SignInFailedError', message: 'm' });
    expect(decoded).toBeInstanceOf(SignInFailedError);
    expect((decoded as SignInFailedError).code).toBe('unknown');
  });
});

describe('isAuthHostRequest', () => {
  it.each<[string, unknown, boolean]>([
    ['a token request', { target: AUTH_HOST_TARGET, op: 'token', account: { homeAccountId: 'x', username: 'u', name: 'n' }, forceRefresh: false }, true],
    ['an abandon request', { target: AUTH_HOST_TARGET, op: 'abandon' }, true],
    ['a background request', { type: 'vault.unlock', payload: {} }, false],
    ['another target', { target: 'someone-else', op: 'token' }, false],
    ['null', null, false],
    ['a string', AUTH_HOST_TARGET, false],
  ])('%s → %s', (_name, message, expected) => {
    expect(isAuthHostRequest(message)).toBe(expected);
  });
});
