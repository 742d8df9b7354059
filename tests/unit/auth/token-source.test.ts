import { describe, expect, it } from 'vitest';
import type { AuthHost } from '../../../lib/auth/auth-host';
import { AuthNetworkError, SignInFailedError, SignInRequiredError } from '../../../lib/auth/errors';
import type { SignedInAccount } from '../../../lib/auth/signed-in-account';
import { accessTokenFor } from '../../../lib/auth/token-source';

const ACCOUNT: SignedInAccount = { homeAccountId: 'uid-1.tid-1', username: 'user@example.com', name: 'User' };
const OTHER: SignedInAccount = { homeAccountId: 'uid-2.tid-1', username: 'other@example.com', name: 'Other' };
const RENEWAL_URL = 'https://login.example/authorize?prompt=none&login_hint=user%40example.com';
const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';

type Step<T> = T | Error;

/** An AuthHost that answers from a script and records every call. */
function fakeHost(script: { tokens: Step<string>[]; renewalUrl?: Step<string>; renewed?: Step<SignedInAccount> }) {
  const calls: string[] = [];
  const tokenOptions: { account: SignedInAccount; forceRefresh: boolean }[] = [];
  const answer = <T,>(step: Step<T> | undefined, what: string): Promise<T> => {
    if (step === undefined) return Promise.reject(new Error(`unexpected call: ${what}`));
    return step instanceof Error ? Promise.reject(step) : Promise.resolve(step);
  };
  const host: AuthHost = {
    acquireToken(account, options) {
      calls.push('acquireToken');
      tokenOptions.push({ account, ...options });
      return answer(script.tokens.shift(), 'acquireToken');
    },
    silentRenewalUrl(account) {
      calls.push(`silentRenewalUrl:${account.homeAccountId}`);
      return answer(script.renewalUrl, 'silentRenewalUrl');
    },
    completeSignIn(responseUrl) {
      calls.push(`completeSignIn:${responseUrl}`);
      return answer(script.renewed, 'completeSignIn');
    },
    async abandonInteraction() {
      calls.push('abandonInteraction');
    },
    async signOut() {
      calls.push('signOut');
    },
  };
  return { host, calls, tokenOptions };
}

/** The identity window, answering with a URL or failing. */
function fakeFlow(answer: Step<string>) {
  const urls: string[] = [];
  const flow = async (url: string) => {
    urls.push(url);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { flow, urls };
}

const expired = () => new SignInRequiredError('The sign-in has expired.');

describe('accessTokenFor', () => {
  it.each([false, true])('returns the cached/refreshed token (forceRefresh %s) without opening any window', async (forceRefresh) => {
    const { host, calls, tokenOptions } = fakeHost({ tokens: ['token-1'] });
    const { flow, urls } = fakeFlow(new Error('must not run'));

    await expect(accessTokenFor(host, flow, ACCOUNT, { forceRefresh })).resolves.toBe('token-1');

    expect(calls).toEqual(['acquireToken']);
    expect(tokenOptions).toEqual([{ account: ACCOUNT, forceRefresh }]);
    expect(urls).toEqual([]);
  });

  it('SignInRequiredError → silent renewal (prompt=none) → the renewed token', async () => {
    const answerUrl = `${REDIRECT}#code=0.AbC&client_info=eyJ9&state=s`;
    const { host, calls, tokenOptions } = fakeHost({ tokens: [expired(), 'token-2'], renewalUrl: RENEWAL_URL, renewed: ACCOUNT });
    const { flow, urls } = fakeFlow(answerUrl);

    await expect(accessTokenFor(host, flow, ACCOUNT, { forceRefresh: true })).resolves.toBe('token-2');

    expect(urls).toEqual([RENEWAL_URL]);
    expect(calls).toEqual(['acquireToken', `silentRenewalUrl:${ACCOUNT.homeAccountId}`, `completeSignIn:${answerUrl}`, 'acquireToken']);
    // The renewal just stored fresh tokens: no need to force another refresh.
    expect(tokenOptions.at(-1)).toEqual({ account: ACCOUNT, forceRefresh: false });
  });

  it.each(['login_required', 'interaction_required', 'consent_required'])(
    'the renewal answers #error=%s → SignInRequiredError, interaction abandoned',
    async (error) => {
      const { host, calls } = fakeHost({ tokens: [expired()], renewalUrl: RENEWAL_URL });
      const { flow } = fakeFlow(`${REDIRECT}#error=${error}&error_description=AADSTS50058&state=s`);

      const thrown = await accessTokenFor(host, flow, ACCOUNT, { forceRefresh: false }).catch((e: unknown) => e);

      expect(thrown).toBeInstanceOf(SignInRequiredError);
      expect((thrown as Error).message).toContain(error);
      expect(calls.filter((c) => c === 'abandonInteraction')).toHaveLength(1);
      expect(calls.some((c) => c.startsWith('completeSignIn'))).toBe(false);
    },
  );

  it('the identity window fails (closed, timed out) → SignInRequiredError with the cause, interaction abandoned', async () => {
    const { host, calls } = fakeHost({ tokens: [expired()], renewalUrl: RENEWAL_URL });
    const failure = new Error('User interaction required.');
    const { flow } = fakeFlow(failure);

    const thrown = await accessTokenFor(host, flow, ACCOUNT, { forceRefresh: false }).catch((e: unknown) => e);

    expect(thrown).toBeInstanceOf(SignInRequiredError);
    expect((thrown as Error).cause).toBe(failure);
    expect(calls).toEqual(['acquireToken', `silentRenewalUrl:${ACCOUNT.homeAccountId}`, 'abandonInteraction']);
  });

  it('another error in the answer (access_denied) → SignInFailedError with that code, interaction abandoned', async () => {
    const { host, calls } = fakeHost({ tokens: [expired()], renewalUrl: RENEWAL_URL });
    const { flow } = fakeFlow(`${REDIRECT}#error=access_denied&error_description=The+user+declined.`);

    const thrown = await accessTokenFor(host, flow, ACCOUNT, { forceRefresh: false }).catch((e: unknown) => e);

    expect(thrown).toBeInstanceOf(SignInFailedError);
    expect(thrown).toMatchObject({ code: 'access_denied', message: 'The user declined.' });
    expect(calls).toContain('abandonInteraction');
  });

  it.each<[string, Error]>([
    ['AuthNetworkError', new AuthNetworkError('The sign-in service could not be reached.')],
    ['SignInFailedError', new SignInFailedError('invalid_client', 'bad client')],
    ['a plain Error', new Error('MSAL exploded')],
  ])('%s from the cache lookup passes through untouched, no renewal tried', async (_name, error) => {
    const { host, calls } = fakeHost({ tokens: [error] });
    const { flow, urls } = fakeFlow(new Error('must not run'));

    await expect(accessTokenFor(host, flow, ACCOUNT, { forceRefresh: false })).rejects.toBe(error);

    expect(calls).toEqual(['acquireToken']);
    expect(urls).toEqual([]);
  });

  it('a renewal that signed in a different account → SignInRequiredError, no token for it', async () => {
    const { host, calls } = fakeHost({ tokens: [expired(), 'token-of-other'], renewalUrl: RENEWAL_URL, renewed: OTHER });
    const { flow } = fakeFlow(`${REDIRECT}#code=abc`);

    await expect(accessTokenFor(host, flow, ACCOUNT, { forceRefresh: false })).rejects.toBeInstanceOf(SignInRequiredError);

    expect(calls.filter((c) => c === 'acquireToken')).toHaveLength(1);
  });

  it('no sign-in for the account in this browser (the renewal URL cannot be made) → that SignInRequiredError', async () => {
    const missing = new SignInRequiredError('This browser holds no sign-in for that account.');
    const { host } = fakeHost({ tokens: [expired()], renewalUrl: missing });
    const { flow, urls } = fakeFlow(new Error('must not run'));

    await expect(accessTokenFor(host, flow, ACCOUNT, { forceRefresh: false })).rejects.toBe(missing);
    expect(urls).toEqual([]);
  });

  it('completing the renewal fails → that error passes through', async () => {
    const failure = new SignInFailedError('invalid_grant', 'AADSTS70008: the code expired.');
    const { host } = fakeHost({ tokens: [expired()], renewalUrl: RENEWAL_URL, renewed: failure });
    const { flow } = fakeFlow(`${REDIRECT}#code=abc`);

    await expect(accessTokenFor(host, flow, ACCOUNT, { forceRefresh: false })).rejects.toBe(failure);
  });

  it('the token after a renewal still failing → that error passes through', async () => {
    const again = expired();
    const { host } = fakeHost({ tokens: [expired(), again], renewalUrl: RENEWAL_URL, renewed: ACCOUNT });
    const { flow } = fakeFlow(`${REDIRECT}#code=abc`);

    await expect(accessTokenFor(host, flow, ACCOUNT, { forceRefresh: false })).rejects.toBe(again);
  });
});
