import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../ms-cloud-emulator/server.ts';
import { authorizePath, CHROME_REDIRECT_URI, CLIENT_ID, control, EXTENSION_ORIGIN, FIREFOX_REDIRECT_URI, graph, pageContext, pkcePair, redeemCode, refresh, replyParams, send, sessionCookieOf, signIn, submitCredentials, tokenRequest, tokensFor, type TokenBody, type TokenErrorBody } from './support/emulator-client.ts';
import { useEmulator } from './support/use-emulator.ts';

const PERSONAL_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';
const ALLOW_LISTED_REDIRECT = 'https://app.example.test/auth/callback';

let emulator: RunningEmulator;

useEmulator('identity', (started) => (emulator = started), { redirectUris: [ALLOW_LISTED_REDIRECT] });

function decodeJwtPart(part: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

function expectAadError(body: TokenErrorBody, error: string, code: number): void {
  expect(body.error).toBe(error);
  expect(body.error_codes).toEqual([code]);
  expect(body.error_description.startsWith(`AADSTS${code}: `)).toBe(true);
  expect(body.error_description).toContain('\r\nTrace ID: ');
  expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
  expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/);
  expect(body.correlation_id).toMatch(/^[0-9a-f-]{36}$/);
}

describe('openid configuration and keys', () => {
  it('describes endpoints on the same origin, issuer with the personal tenant', async () => {
    const answer = await send(emulator, '/consumers/v2.0/.well-known/openid-configuration', { headers: { Origin: EXTENSION_ORIGIN } });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe(EXTENSION_ORIGIN);
    const config = answer.json<Record<string, string>>();
    expect(config['issuer']).toBe(`${emulator.url}/${PERSONAL_TENANT}/v2.0`);
    expect(config['authorization_endpoint']).toBe(`${emulator.url}/consumers/oauth2/v2.0/authorize`);
    expect(config['token_endpoint']).toBe(`${emulator.url}/consumers/oauth2/v2.0/token`);
    expect(config['end_session_endpoint']).toBe(`${emulator.url}/consumers/oauth2/v2.0/logout`);
    expect(config['jwks_uri']).toBe(`${emulator.url}/consumers/discovery/v2.0/keys`);
  });

  it('returns the {tenantid} template issuer for common, like the real endpoint', async () => {
    const config = (await send(emulator, '/common/v2.0/.well-known/openid-configuration')).json<Record<string, string>>();
    expect(config['issuer']).toBe(`${emulator.url}/{tenantid}/v2.0`);
    expect(config['token_endpoint']).toBe(`${emulator.url}/common/oauth2/v2.0/token`);
  });

  it('refuses an unknown tenant with AADSTS90002', async () => {
    const answer = await send(emulator, '/organizations/v2.0/.well-known/openid-configuration');
    expect(answer.status).toBe(400);
    expectAadError(answer.json<TokenErrorBody>(), 'invalid_request', 90002);
  });

  it('publishes the key that verifies the RS256 id_token, whose claims are complete', async () => {
    const tokens = await tokensFor(emulator, 'alice@example.com');
    const [header, payload, signature] = (tokens.id_token ?? '').split('.');
    const jwks = (await send(emulator, '/consumers/discovery/v2.0/keys')).json<{ keys: (JsonWebKey & { kid: string })[] }>();
    const headerJson = decodeJwtPart(header);
    expect(headerJson).toMatchObject({ typ: 'JWT', alg: 'RS256' });
    const jwk = jwks.keys.find((k) => k.kid === headerJson['kid']);
    expect(jwk).toBeDefined();
    const key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
    expect(verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature ?? '', 'base64url'))).toBe(true);

    const claims = decodeJwtPart(payload);
    expect(claims).toMatchObject({
      ver: '2.0',
      iss: `${emulator.url}/${PERSONAL_TENANT}/v2.0`,
      aud: CLIENT_ID,
      name: 'Alice Example',
      preferred_username: 'alice@example.com',
      oid: '00000000-0000-0000-a11c-e00000000001',
      tid: PERSONAL_TENANT,
      nonce: 'nonce-456',
    });
    expect(typeof claims['sub']).toBe('string');
    expect(Number(claims['exp']) - Number(claims['iat'])).toBe(3600);
    expect(claims['nbf']).toBe(claims['iat']);
  });
});

describe('authorize: requests it refuses', () => {
  it.each([
    ['an unregistered redirect URI', { redirectUri: 'https://evil.example/' }, 50011],
    ['a chromiumapp.org host that is not an extension id', { redirectUri: 'https://abc.chromiumapp.org/' }, 50011],
    ['a redirect URI with a path', { redirectUri: `${CHROME_REDIRECT_URI}callback` }, 50011],
    ['a client id that is not a GUID', { clientId: 'my-app' }, 700016],
  ])('shows an error page (400) for %s', async (_label, params, code) => {
    const answer = await send(emulator, authorizePath(params, pkcePair().challenge));
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toContain('text/html');
    expect(answer.headers.location).toBeUndefined();
    expect(answer.text).toContain(`AADSTS${code}`);
  });

  it('shows an error page for an unknown tenant', async () => {
    const answer = await send(emulator, authorizePath({}, pkcePair().challenge).replace('/consumers/', '/contoso.onmicrosoft.com/'));
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('AADSTS90002');
  });

  it.each([
    ['no PKCE challenge', { extra: { code_challenge: '' } }, 'invalid_request', 9002325],
    ['a malformed PKCE challenge', { challenge: 'short' }, 'invalid_request', 501491],
    ['the plain PKCE method', { extra: { code_challenge_method: 'plain' } }, 'invalid_request', 50149],
    ['response_type token', { extra: { response_type: 'token' } }, 'unsupported_response_type', 700054],
    ['an unknown prompt', { prompt: 'sometimes' }, 'invalid_request', 90023],
    ['response_mode form_post', { responseMode: 'form_post' }, 'invalid_request', 90023],
  ])('sends %s back to the redirect URI as an error', async (_label, params, error, code) => {
    const answer = await send(emulator, authorizePath(params, pkcePair().challenge));
    expect(answer.status).toBe(302);
    const location = answer.location();
    expect(`${location.origin}${location.pathname}`).toBe(CHROME_REDIRECT_URI);
    const reply = replyParams(location);
    expect(reply.get('error')).toBe(error);
    expect(reply.get('error_description')?.startsWith(`AADSTS${code}: `)).toBe(true);
    expect(reply.get('state')).toBe('state-123');
    expect(reply.get('code')).toBeNull();
  });
});

describe('authorize: interactive sign-in', () => {
  it('lists the test users in a form that needs no script', async () => {
    const page = await send(emulator, authorizePath({ prompt: 'login', loginHint: 'bob@example.com' }, pkcePair().challenge));
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('<script');
    for (const email of ['alice@example.com', 'bob@example.com', 'carol@example.com']) expect(page.text).toContain(email);
    expect(page.text).toContain('id="i0116" name="loginfmt" value="bob@example.com"');
  });

  it.each([
    ['a wrong password', 'alice@example.com', 'hunter2', 'passwordError'],
    ['an unknown user', 'mallory@example.com', 'password', 'usernameError'],
  ])('re-shows the form with an error for %s', async (_label, email, password, errorId) => {
    const page = await send(emulator, authorizePath({ prompt: 'login' }, pkcePair().challenge));
    const answer = await submitCredentials(emulator, pageContext(page.text), email, password);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain(`id="${errorId}"`);
    expect(answer.headers['set-cookie']).toBeUndefined();
  });

  it('redirects with a code, state, client_info and session_state, and sets the session cookie', async () => {
    const page = await send(emulator, authorizePath({ prompt: 'login' }, pkcePair().challenge));
    const answer = await submitCredentials(emulator, pageContext(page.text), 'Alice@Example.com', 'password');
    expect(answer.status).toBe(302);
    const location = answer.location();
    expect(`${location.origin}${location.pathname}`).toBe(CHROME_REDIRECT_URI);
    expect(location.search).toBe('');
    const reply = replyParams(location);
    expect(reply.get('code')).toBeTruthy();
    expect(reply.get('state')).toBe('state-123');
    expect(reply.get('session_state')).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(Buffer.from(reply.get('client_info') ?? '', 'base64url').toString())).toEqual({
      uid: '00000000-0000-0000-a11c-e00000000001',
      utid: PERSONAL_TENANT,
    });
    const setCookie = String(answer.headers['set-cookie']);
    expect(setCookie).toMatch(/^ESTSAUTH=[^;]+;/);
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=None', 'Path=/']) expect(setCookie).toContain(attribute);
    expect(setCookie).not.toMatch(/Expires|Max-Age/i);
  });

  it.each([
    ['Firefox', FIREFOX_REDIRECT_URI],
    ['an allow-listed', ALLOW_LISTED_REDIRECT],
  ])('accepts %s redirect URIs', async (_label, redirectUri) => {
    const signedIn = await signIn(emulator, 'carol@example.com', { redirectUri });
    expect((await redeemCode(emulator, signedIn, { redirect_uri: redirectUri })).status).toBe(200);
  });

  it('answers in the query for response_mode=query', async () => {
    const signedIn = await signIn(emulator, 'alice@example.com', { responseMode: 'query' });
    expect(signedIn.code).toBeTruthy();
    expect(signedIn.reply.get('state')).toBe('state-123');
  });

  it('sends access_denied when the user cancels', async () => {
    const page = await send(emulator, authorizePath({ prompt: 'login' }, pkcePair().challenge));
    const answer = await send(emulator, '/consumers/login/cancel', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ctx: pageContext(page.text) }).toString(),
    });
    const reply = replyParams(answer.location());
    expect(reply.get('error')).toBe('access_denied');
    expect(reply.get('error_description')).toMatch(/^AADSTS65004: /);
  });

  it('refuses a sign-in page that was already used', async () => {
    const page = await send(emulator, authorizePath({ prompt: 'login' }, pkcePair().challenge));
    const ctx = pageContext(page.text);
    expect((await submitCredentials(emulator, ctx, 'alice@example.com', 'password')).status).toBe(302);
    expect((await submitCredentials(emulator, ctx, 'alice@example.com', 'password')).status).toBe(400);
  });
});

describe('authorize: the session cookie and prompt', () => {
  it('prompt=none without a session redirects with login_required (AADSTS50058)', async () => {
    const answer = await send(emulator, authorizePath({ prompt: 'none', loginHint: 'alice@example.com' }, pkcePair().challenge));
    expect(answer.status).toBe(302);
    const reply = replyParams(answer.location());
    expect(reply.get('error')).toBe('login_required');
    expect(reply.get('error_description')).toMatch(/^AADSTS50058: /);
    expect(reply.get('state')).toBe('state-123');
  });

  it('prompt=none with a session redirects with a code at once', async () => {
    const { cookie } = await signIn(emulator, 'alice@example.com');
    const pkce = pkcePair();
    const answer = await send(emulator, authorizePath({ prompt: 'none', loginHint: 'alice@example.com' }, pkce.challenge), { headers: { Cookie: cookie } });
    expect(answer.status).toBe(302);
    const code = replyParams(answer.location()).get('code') ?? '';
    const tokens = await redeemCode(emulator, { code, verifier: pkce.verifier });
    expect(tokens.status).toBe(200);
    expect(decodeJwtPart(tokens.json<TokenBody>().id_token?.split('.')[1])['preferred_username']).toBe('alice@example.com');
  });

  it('prompt=none for an account that is not in the session is login_required', async () => {
    const { cookie } = await signIn(emulator, 'alice@example.com');
    const answer = await send(emulator, authorizePath({ prompt: 'none', loginHint: 'bob@example.com' }, pkcePair().challenge), { headers: { Cookie: cookie } });
    expect(replyParams(answer.location()).get('error')).toBe('login_required');
  });

  it('prompt=none with two session accounts and no hint is interaction_required', async () => {
    const { cookie } = await signIn(emulator, 'alice@example.com');
    const page = await send(emulator, authorizePath({ prompt: 'login' }, pkcePair().challenge), { headers: { Cookie: cookie } });
    const second = await submitCredentials(emulator, pageContext(page.text), 'bob@example.com', 'password', cookie);
    expect(sessionCookieOf(second)).toBe(cookie);
    const answer = await send(emulator, authorizePath({ prompt: 'none' }, pkcePair().challenge), { headers: { Cookie: cookie } });
    const reply = replyParams(answer.location());
    expect(reply.get('error')).toBe('interaction_required');
    expect(reply.get('error_description')).toMatch(/^AADSTS16000: /);
  });

  it('without prompt, a session signs in without a page (single sign-on)', async () => {
    const { cookie } = await signIn(emulator, 'bob@example.com');
    const answer = await send(emulator, authorizePath({}, pkcePair().challenge), { headers: { Cookie: cookie } });
    expect(answer.status).toBe(302);
    expect(replyParams(answer.location()).get('code')).toBeTruthy();
  });

  it('prompt=login always shows the form, even with a session', async () => {
    const { cookie } = await signIn(emulator, 'bob@example.com');
    const answer = await send(emulator, authorizePath({ prompt: 'login' }, pkcePair().challenge), { headers: { Cookie: cookie } });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('id="i0118"');
  });

  it('prompt=select_account shows the session accounts and signs in the chosen one', async () => {
    const { cookie } = await signIn(emulator, 'carol@example.com');
    const pkce = pkcePair();
    const picker = await send(emulator, authorizePath({ prompt: 'select_account' }, pkce.challenge), { headers: { Cookie: cookie } });
    expect(picker.status).toBe(200);
    expect(picker.text).toContain('name="account" value="carol@example.com"');
    expect(picker.text).toContain('id="otherTile"');
    const chosen = await send(emulator, '/consumers/login/select', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
      body: new URLSearchParams({ ctx: pageContext(picker.text), account: 'carol@example.com' }).toString(),
    });
    const code = replyParams(chosen.location()).get('code') ?? '';
    const tokens = (await redeemCode(emulator, { code, verifier: pkce.verifier })).json<TokenBody>();
    expect(decodeJwtPart(tokens.id_token?.split('.')[1])['preferred_username']).toBe('carol@example.com');
  });

  it.each([
    ['accept', 'code'],
    ['decline', 'error'],
  ])('prompt=consent shows a consent page; %s gives %s', async (choice, expected) => {
    const { cookie } = await signIn(emulator, 'alice@example.com');
    const page = await send(emulator, authorizePath({ prompt: 'consent' }, pkcePair().challenge), { headers: { Cookie: cookie } });
    expect(page.text).toContain('id="idBtn_Accept"');
    const answer = await send(emulator, '/consumers/login/consent', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
      body: new URLSearchParams({ ctx: pageContext(page.text), account: 'alice@example.com', consent: choice }).toString(),
    });
    expect(replyParams(answer.location()).get(expected)).toBeTruthy();
  });

  // Enter in a form submits it with the form's first submit button (HTML implicit submission).
  const firstSubmitButtonId = (html: string) => /<form[^>]*>[\s\S]*?<button type="submit" id="([^"]+)"/.exec(html)?.[1];

  it('Enter signs in: the sign-in form\'s first submit button is "Sign in", not Cancel', async () => {
    const page = await send(emulator, authorizePath({ prompt: 'login' }, pkcePair().challenge));
    expect(firstSubmitButtonId(page.text)).toBe('idSIButton9');
  });

  it('Enter accepts: the consent form\'s first submit button is Accept, not Cancel', async () => {
    const { cookie } = await signIn(emulator, 'alice@example.com');
    const page = await send(emulator, authorizePath({ prompt: 'consent' }, pkcePair().challenge), { headers: { Cookie: cookie } });
    expect(firstSubmitButtonId(page.text)).toBe('idBtn_Accept');
  });

  it('logout ends the session and redirects to an accepted post-logout URI', async () => {
    const { cookie } = await signIn(emulator, 'alice@example.com');
    const answer = await send(emulator, `/consumers/oauth2/v2.0/logout?${new URLSearchParams({ post_logout_redirect_uri: CHROME_REDIRECT_URI, state: 'bye' })}`, {
      headers: { Cookie: cookie },
    });
    expect(answer.status).toBe(302);
    expect(answer.location().toString()).toBe(`${CHROME_REDIRECT_URI}?state=bye`);
    expect(String(answer.headers['set-cookie'])).toContain('Max-Age=0');
    const silent = await send(emulator, authorizePath({ prompt: 'none' }, pkcePair().challenge), { headers: { Cookie: cookie } });
    expect(replyParams(silent.location()).get('error')).toBe('login_required');
  });

  it('the control interface ends sessions', async () => {
    const { cookie } = await signIn(emulator, 'alice@example.com');
    expect((await control(emulator, 'POST', '/_emulator/sessions/end', { user: 'alice@example.com' })).json()).toEqual({ endedSessions: 1 });
    const silent = await send(emulator, authorizePath({ prompt: 'none' }, pkcePair().challenge), { headers: { Cookie: cookie } });
    expect(replyParams(silent.location()).get('error')).toBe('login_required');
  });
});

describe('token endpoint: authorization code', () => {
  it('answers the SPA token set with the real field shapes', async () => {
    const answer = await redeemCode(emulator, await signIn(emulator, 'alice@example.com'));
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe(EXTENSION_ORIGIN);
    expect(answer.headers['cache-control']).toContain('no-store');
    const body = answer.json<TokenBody>();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600 });
    expect(body.scope.split(' ')).toEqual(['Files.ReadWrite.AppFolder', 'User.Read', 'openid', 'profile']);
    expect(body.access_token).toBeTruthy();
    expect(body.refresh_token).toBeTruthy();
    expect(body.refresh_token_expires_in).toBeGreaterThan(86_390);
    expect(body.refresh_token_expires_in).toBeLessThanOrEqual(86_400);
    expect(JSON.parse(Buffer.from(body.client_info ?? '', 'base64url').toString())).toEqual({
      uid: '00000000-0000-0000-a11c-e00000000001',
      utid: PERSONAL_TENANT,
    });
  });

  it('gives no refresh token without offline_access and no id_token without openid', async () => {
    const signedIn = await signIn(emulator, 'alice@example.com', { scope: 'Files.ReadWrite.AppFolder' });
    const body = (await redeemCode(emulator, signedIn, { scope: 'Files.ReadWrite.AppFolder' })).json<TokenBody>();
    expect(body.access_token).toBeTruthy();
    expect(body.refresh_token).toBeUndefined();
    expect(body.id_token).toBeUndefined();
  });

  it('verifies PKCE: a wrong verifier is refused (AADSTS501481) and does not burn the code', async () => {
    const signedIn = await signIn(emulator, 'alice@example.com');
    const wrong = await redeemCode(emulator, { code: signedIn.code, verifier: pkcePair().verifier });
    expect(wrong.status).toBe(400);
    expectAadError(wrong.json<TokenErrorBody>(), 'invalid_grant', 501481);
    expect((await redeemCode(emulator, signedIn)).status).toBe(200);
  });

  it('refuses a request without Origin (AADSTS9002327), as for any SPA client', async () => {
    const signedIn = await signIn(emulator, 'alice@example.com');
    const answer = await tokenRequest(
      emulator,
      { client_id: CLIENT_ID, grant_type: 'authorization_code', code: signedIn.code, code_verifier: signedIn.verifier, redirect_uri: CHROME_REDIRECT_URI, scope: 'openid' },
      null,
    );
    expect(answer.status).toBe(400);
    const body = answer.json<TokenErrorBody>();
    expectAadError(body, 'invalid_request', 9002327);
    expect(body.error_description).toContain("Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.");
  });

  it('codes are single-use (AADSTS54005)', async () => {
    const signedIn = await signIn(emulator, 'alice@example.com');
    expect((await redeemCode(emulator, signedIn)).status).toBe(200);
    const reuse = await redeemCode(emulator, signedIn);
    expect(reuse.status).toBe(400);
    expectAadError(reuse.json<TokenErrorBody>(), 'invalid_grant', 54005);
  });

  it('codes expire after 10 minutes (AADSTS70008)', async () => {
    const signedIn = await signIn(emulator, 'alice@example.com');
    await control(emulator, 'POST', '/_emulator/clock', { advanceSeconds: 601 });
    expectAadError((await redeemCode(emulator, signedIn)).json<TokenErrorBody>(), 'invalid_grant', 70008);
  });

  it.each([
    ['a redirect URI other than the authorize one', { redirect_uri: FIREFOX_REDIRECT_URI }, 400, 'invalid_grant', 50011],
    ['an unknown code', { code: 'M.C5_nonsense' }, 400, 'invalid_grant', 9002313],
    ['another client id', { client_id: '11111111-2222-3333-4444-555555555555' }, 400, 'invalid_grant', 70000],
    ['a client secret', { client_secret: 's3cret' }, 401, 'invalid_client', 700025],
    ['an unsupported grant type', { grant_type: 'password' }, 400, 'unsupported_grant_type', 70003],
    ['no code_verifier', { code_verifier: '' }, 400, 'invalid_request', 9002325],
  ])('refuses %s', async (_label, overrides, status, error, code) => {
    const answer = await redeemCode(emulator, await signIn(emulator, 'alice@example.com'), overrides);
    expect(answer.status).toBe(status);
    expectAadError(answer.json<TokenErrorBody>(), error, code);
  });

  it('answers CORS preflights from extension origins', async () => {
    const answer = await send(emulator, '/consumers/oauth2/v2.0/token', {
      method: 'OPTIONS',
      headers: { Origin: EXTENSION_ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-client-sku' },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe(EXTENSION_ORIGIN);
    expect(answer.headers['access-control-allow-headers']).toBe('content-type,x-client-sku');
    expect(answer.headers['access-control-allow-methods']).toContain('POST');
  });
});

describe('token endpoint: refresh tokens', () => {
  it('rotates: every refresh returns a new refresh token and a working access token', async () => {
    const first = await tokensFor(emulator, 'alice@example.com');
    const second = await refresh(emulator, first.refresh_token ?? '');
    expect(second.status).toBe(200);
    const body = second.json<TokenBody>();
    expect(body.refresh_token).toBeTruthy();
    expect(body.refresh_token).not.toBe(first.refresh_token);
    expect(body.access_token).not.toBe(first.access_token);
    expect(body.id_token).toBeTruthy();
    expect((await graph(emulator, '/me', body.access_token)).status).toBe(200);
    // Like the real service, using a refresh token does not revoke it.
    expect((await refresh(emulator, first.refresh_token ?? '')).status).toBe(200);
  });

  it('keeps the fixed 24 h of the sign-in: the remaining lifetime shrinks, it is never extended', async () => {
    const first = await tokensFor(emulator, 'alice@example.com');
    await control(emulator, 'POST', '/_emulator/clock', { advanceSeconds: 12 * 3600 });
    const rotated = (await refresh(emulator, first.refresh_token ?? '')).json<TokenBody>();
    expect(rotated.refresh_token_expires_in).toBeLessThanOrEqual(12 * 3600);
    expect(rotated.refresh_token_expires_in).toBeGreaterThan(12 * 3600 - 10);
    await control(emulator, 'POST', '/_emulator/clock', { advanceSeconds: 12 * 3600 });
    for (const token of [first.refresh_token, rotated.refresh_token]) {
      const answer = await refresh(emulator, token ?? '');
      expect(answer.status).toBe(400);
      const body = answer.json<TokenErrorBody>();
      expectAadError(body, 'invalid_grant', 700084);
      expect(body.suberror).toBe('bad_token');
      expect(body.error_description).toContain('single page app (SPA)');
    }
  });

  it('the control interface expires refresh tokens of one user only', async () => {
    const alice = await tokensFor(emulator, 'alice@example.com');
    const bob = await tokensFor(emulator, 'bob@example.com');
    const expired = await control(emulator, 'POST', '/_emulator/tokens/expire', { user: 'alice@example.com', kind: 'refresh' });
    expect(expired.json()).toEqual({ expiredAccessTokens: 0, expiredRefreshTokens: 1 });
    expectAadError((await refresh(emulator, alice.refresh_token ?? '')).json<TokenErrorBody>(), 'invalid_grant', 700084);
    expect((await refresh(emulator, bob.refresh_token ?? '')).status).toBe(200);
  });

  it('refuses an unknown refresh token (AADSTS70000)', async () => {
    expectAadError((await refresh(emulator, 'M.C5_not-a-token')).json<TokenErrorBody>(), 'invalid_grant', 70000);
  });
});
