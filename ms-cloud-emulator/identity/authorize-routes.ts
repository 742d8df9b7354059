import { createHash } from 'node:crypto';
import { header, parseCookies, readBody, redirect, sendHtml } from '../core/http.ts';
import type { RequestContext } from '../emulator-context.ts';
import { findUserByEmail, findUserByOid, TEST_USER_PASSWORD, type TestUser } from '../test-users.ts';
import { aad, aadErrorFields, type AadError } from './aad-errors.ts';
import { parseAuthorizeRequest, replyUrl, type AuthorizeRequest, type ReplyTarget } from './authorize-request.ts';
import { renderAccountPicker, renderConsentPage, renderErrorPage, renderSignedOutPage, renderSignInForm } from './sign-in-pages.ts';
import { SESSION_COOKIE } from './sign-in-sessions.ts';
import { clientInfo } from './token-response.ts';

/** Largest sign-in form body accepted, bytes. */
const FORM_LIMIT_BYTES = 64 * 1024;

const COOKIE_ATTRIBUTES = 'Path=/; Secure; HttpOnly; SameSite=None';

/** `GET /{tenant}/oauth2/v2.0/authorize`. */
export function handleAuthorize(ctx: RequestContext, tenant: string): void {
  const parsed = parseAuthorizeRequest(tenant, ctx.url.searchParams, ctx.emulator.clientPolicy);
  if (parsed.kind === 'page') {
    sendErrorPage(ctx, 400, parsed.error);
    return;
  }
  if (parsed.kind === 'reply') {
    replyWithError(ctx, parsed.target, parsed.error);
    return;
  }
  const request = parsed.request;
  const sessionUsers = currentSessionUsers(ctx);
  const ssoUser = singleSignOnUser(sessionUsers, request.loginHint);
  switch (request.prompt) {
    case 'none':
      if (ssoUser) issueCode(ctx, request, ssoUser, undefined);
      else replyWithError(ctx, request, sessionUsers.length > 1 && !request.loginHint ? aad.selectAccount() : aad.loginRequired());
      return;
    case undefined:
      if (ssoUser) issueCode(ctx, request, ssoUser, undefined);
      else if (sessionUsers.length > 0) showPicker(ctx, request, sessionUsers);
      else showForm(ctx, request);
      return;
    case 'select_account':
      if (sessionUsers.length > 0) showPicker(ctx, request, sessionUsers);
      else showForm(ctx, request);
      return;
    case 'consent':
      if (ssoUser) showConsent(ctx, ctx.emulator.pending.add(request), request, ssoUser);
      else showForm(ctx, request);
      return;
    case 'login':
    case 'create':
      showForm(ctx, request);
      return;
  }
}

/** `GET /{tenant}/login?ctx=…[&username=…]`: the sign-in form ("use another account", test-user links). */
export function handleSignInFormPage(ctx: RequestContext, tenant: string): void {
  const pendingCtx = ctx.url.searchParams.get('ctx') ?? '';
  const request = ctx.emulator.pending.get(pendingCtx);
  if (!request) {
    sendStalePage(ctx);
    return;
  }
  sendHtml(ctx.res, 200, renderSignInForm({ tenantPath: `/${tenant}`, ctx: pendingCtx, username: ctx.url.searchParams.get('username') ?? request.loginHint ?? '' }));
}

/** `POST /{tenant}/login`: username + password. */
export async function handleSignInSubmit(ctx: RequestContext, tenant: string): Promise<void> {
  const pending = await readPendingForm(ctx);
  if (!pending) return;
  const { form, pendingCtx, request } = pending;
  const username = (form.get('loginfmt') ?? '').trim();
  const user = findUserByEmail(username);
  const page = { tenantPath: `/${tenant}`, ctx: pendingCtx, username };
  if (!user) {
    sendHtml(ctx.res, 200, renderSignInForm({ ...page, usernameError: "That Microsoft account doesn't exist. Enter a different account or use one of the test accounts below." }));
    return;
  }
  if (form.get('passwd') !== TEST_USER_PASSWORD) {
    sendHtml(ctx.res, 200, renderSignInForm({ ...page, passwordError: 'Your account or password is incorrect.' }));
    return;
  }
  ctx.user = user.email;
  const cookieValue = ctx.emulator.sessions.signIn(sessionCookie(ctx), user.oid);
  const setCookie = `${SESSION_COOKIE}=${cookieValue}; ${COOKIE_ATTRIBUTES}`;
  if (request.prompt === 'consent') showConsent(ctx, pendingCtx, request, user, setCookie);
  else issueCode(ctx, request, user, pendingCtx, setCookie, cookieValue);
}

/** `POST /{tenant}/login/select`: an account of the picker. */
export async function handleAccountSelected(ctx: RequestContext, tenant: string): Promise<void> {
  const pending = await readPendingForm(ctx);
  if (!pending) return;
  const { form, pendingCtx, request } = pending;
  const user = chosenSessionAccount(ctx, tenant, form, pendingCtx);
  if (!user) return;
  if (request.prompt === 'consent') showConsent(ctx, pendingCtx, request, user);
  else issueCode(ctx, request, user, pendingCtx);
}

/** `POST /{tenant}/login/consent`: Accept or Cancel on the consent page. */
export async function handleConsent(ctx: RequestContext, tenant: string): Promise<void> {
  const pending = await readPendingForm(ctx);
  if (!pending) return;
  const { form, pendingCtx, request } = pending;
  if (form.get('consent') !== 'accept') {
    ctx.emulator.pending.delete(pendingCtx);
    replyWithError(ctx, request, aad.userDeclined());
    return;
  }
  const user = chosenSessionAccount(ctx, tenant, form, pendingCtx);
  if (!user) return;
  issueCode(ctx, request, user, pendingCtx);
}

/** `POST /{tenant}/login/cancel`: the user gave up. */
export async function handleCancel(ctx: RequestContext): Promise<void> {
  const pending = await readPendingForm(ctx);
  if (!pending) return;
  const { pendingCtx, request } = pending;
  ctx.emulator.pending.delete(pendingCtx);
  replyWithError(ctx, request, aad.userDeclined());
}

/** `GET /{tenant}/oauth2/v2.0/logout`: ends the whole session. */
export function handleLogout(ctx: RequestContext): void {
  ctx.emulator.sessions.end(sessionCookie(ctx));
  const clearCookie = `${SESSION_COOKIE}=; Max-Age=0; ${COOKIE_ATTRIBUTES}`;
  const target = ctx.url.searchParams.get('post_logout_redirect_uri');
  if (target && ctx.emulator.clientPolicy.isAllowedRedirectUri(target)) {
    const url = new URL(target);
    const state = ctx.url.searchParams.get('state');
    if (state !== null) url.searchParams.set('state', state);
    redirect(ctx.res, url.toString(), { 'Set-Cookie': clearCookie });
    return;
  }
  sendHtml(ctx.res, 200, renderSignedOutPage(), { 'Set-Cookie': clearCookie });
}

/** Issues a code for `user` and redirects to the app with it. */
function issueCode(
  ctx: RequestContext,
  request: AuthorizeRequest,
  user: TestUser,
  pendingCtx: string | undefined,
  setCookie?: string,
  cookieValue = sessionCookie(ctx),
): void {
  ctx.user = user.email;
  if (pendingCtx) ctx.emulator.pending.delete(pendingCtx);
  const code = ctx.emulator.codes.issue({
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    userOid: user.oid,
    scope: request.scope,
    codeChallenge: request.codeChallenge,
    ...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
  });
  const params: Record<string, string> = { code };
  if (request.clientInfo) params['client_info'] = clientInfo(user);
  params['session_state'] = sessionState(cookieValue ?? code);
  redirect(ctx.res, replyUrl(request, params), setCookie ? { 'Set-Cookie': setCookie } : {});
}

function showForm(ctx: RequestContext, request: AuthorizeRequest): void {
  const pendingCtx = ctx.emulator.pending.add(request);
  sendHtml(ctx.res, 200, renderSignInForm({ tenantPath: `/${request.tenant}`, ctx: pendingCtx, username: request.loginHint ?? '' }));
}

function showPicker(ctx: RequestContext, request: AuthorizeRequest, users: readonly TestUser[]): void {
  sendHtml(ctx.res, 200, renderAccountPicker(`/${request.tenant}`, ctx.emulator.pending.add(request), users));
}

function showConsent(ctx: RequestContext, pendingCtx: string, request: AuthorizeRequest, user: TestUser, setCookie?: string): void {
  sendHtml(ctx.res, 200, renderConsentPage(`/${request.tenant}`, pendingCtx, user, request.scope), setCookie ? { 'Set-Cookie': setCookie } : {});
}

function replyWithError(ctx: RequestContext, target: ReplyTarget, error: AadError): void {
  const fields = aadErrorFields(error, { baseUrl: ctx.emulator.baseUrl, now: ctx.emulator.clock.now(), correlationId: ctx.url.searchParams.get('client-request-id') ?? '' });
  redirect(ctx.res, replyUrl(target, { error: fields.error, error_description: fields.error_description, error_uri: fields.error_uri }));
}

function sendErrorPage(ctx: RequestContext, status: number, error: AadError): void {
  sendHtml(ctx.res, status, renderErrorPage(`AADSTS${error.code}: ${error.text}`));
}

function sendStalePage(ctx: RequestContext): void {
  sendHtml(ctx.res, 400, renderErrorPage('This sign-in page has expired or was already used. Go back to the app and sign in again.'));
}

/** Test users signed in within this browser's session, most recent first. */
function currentSessionUsers(ctx: RequestContext): TestUser[] {
  const session = ctx.emulator.sessions.find(sessionCookie(ctx));
  return (session?.accounts ?? []).map((a) => findUserByOid(a.userOid)).filter((u): u is TestUser => u !== undefined);
}

/** The session account to sign in silently: the hinted one, or the only one. */
function singleSignOnUser(users: readonly TestUser[], loginHint: string | undefined): TestUser | undefined {
  if (loginHint) return users.find((u) => u.email === loginHint.trim().toLowerCase());
  return users.length === 1 ? users[0] : undefined;
}

/**
 * The account picked on a sign-in page (`account` field), if it is still signed in within
 * this browser's session; otherwise the session ended meanwhile: the password form is sent.
 */
function chosenSessionAccount(ctx: RequestContext, tenant: string, form: URLSearchParams, pendingCtx: string): TestUser | undefined {
  const account = form.get('account') ?? '';
  const user = sessionAccount(ctx, account);
  if (!user) sendHtml(ctx.res, 200, renderSignInForm({ tenantPath: `/${tenant}`, ctx: pendingCtx, username: account }));
  return user;
}

/** `email` if it is signed in within this browser's session. */
function sessionAccount(ctx: RequestContext, email: string): TestUser | undefined {
  const user = findUserByEmail(email);
  return user && currentSessionUsers(ctx).some((u) => u.oid === user.oid) ? user : undefined;
}

function sessionCookie(ctx: RequestContext): string | undefined {
  return parseCookies(ctx.req).get(SESSION_COOKIE);
}

/** A GUID-shaped value stable for a session (the real `session_state` is one). */
function sessionState(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The form posted by a sign-in page and the sign-in it continues (its `ctx` field);
 * `undefined`, with the "expired" page sent, when that sign-in is unknown or finished.
 */
async function readPendingForm(ctx: RequestContext): Promise<{ form: URLSearchParams; pendingCtx: string; request: AuthorizeRequest } | undefined> {
  const form = await readForm(ctx);
  const pendingCtx = form.get('ctx') ?? '';
  const request = ctx.emulator.pending.get(pendingCtx);
  if (!request) {
    sendStalePage(ctx);
    return undefined;
  }
  return { form, pendingCtx, request };
}

async function readForm(ctx: RequestContext): Promise<URLSearchParams> {
  const type = header(ctx.req, 'content-type');
  const body = await readBody(ctx.req, FORM_LIMIT_BYTES);
  return type.startsWith('application/x-www-form-urlencoded') || type === '' ? new URLSearchParams(body.toString('utf8')) : new URLSearchParams();
}
