import { createHash, randomBytes } from 'node:crypto';
import { Agent, request as httpsRequest } from 'node:https';
import type { RunningEmulator } from '../../../ms-cloud-emulator/server.ts';
import type { TokenResponse } from '../../../ms-cloud-emulator/identity/token-response.ts';

/** An HTTP answer, body fully read. Redirects are never followed (tests look at them). */
export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
  /** The body parsed as JSON, typed by the caller. */
  json<T = Record<string, unknown>>(): T;
  /** The `Location` header, or throws. */
  location(): URL;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Give up (reject with "client timeout") after this many ms without an answer. */
  timeoutMs?: number;
}

/** One keep-alive agent per emulator, trusting exactly its certificate. */
const agents = new WeakMap<RunningEmulator, Agent>();

function agentFor(emulator: RunningEmulator): Agent {
  let agent = agents.get(emulator);
  if (!agent) {
    agent = new Agent({ keepAlive: true, ca: emulator.certificatePem, family: 4 });
    agents.set(emulator, agent);
  }
  return agent;
}

/**
 * Sends one HTTPS request to the emulator, trusting exactly its self-signed certificate
 * (nothing global is switched off). IPv4 because the emulator listens on 127.0.0.1.
 */
export function send(emulator: RunningEmulator, pathOrUrl: string, options: RequestOptions = {}): Promise<Answer> {
  const url = new URL(pathOrUrl, emulator.url);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      url,
      { method: options.method ?? 'GET', headers: options.headers ?? {}, agent: agentFor(emulator) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text,
            json: <T>() => JSON.parse(text) as T,
            location: () => {
              const location = res.headers.location;
              if (!location) throw new Error(`no Location header (status ${res.statusCode}): ${text.slice(0, 200)}`);
              return new URL(location, url);
            },
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.timeoutMs !== undefined) req.setTimeout(options.timeoutMs, () => req.destroy(new Error('client timeout')));
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** JSON POST/PUT helper for the control interface. */
export function control(emulator: RunningEmulator, method: string, path: string, body?: unknown): Promise<Answer> {
  return send(emulator, path, {
    method,
    ...(body !== undefined ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {}),
  });
}

/** A PKCE verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export const CLIENT_ID = '4b0db8c2-9f26-4417-8bde-3f0a41a24ab4';
export const CHROME_REDIRECT_URI = 'https://eogbjicbkhkpgcmhlohbphjkfdnaicfp.chromiumapp.org/';
export const FIREFOX_REDIRECT_URI = 'https://2a7b1f0c9d3e4a5b6c7d8e9f0a1b2c3d4e5f6a7b.extensions.allizom.org/';
export const EXTENSION_ORIGIN = 'chrome-extension://eogbjicbkhkpgcmhlohbphjkfdnaicfp';
export const SCOPE = 'Files.ReadWrite.AppFolder User.Read openid profile offline_access';

/** Parameters of an authorize request; defaults are what the extension sends. */
export interface AuthorizeParams {
  clientId?: string;
  redirectUri?: string;
  scope?: string;
  prompt?: string;
  loginHint?: string;
  nonce?: string;
  state?: string;
  challenge?: string;
  responseMode?: string;
  extra?: Record<string, string>;
}

/** The authorize URL (path + query) for `params`. */
export function authorizePath(params: AuthorizeParams, challenge: string): string {
  const query = new URLSearchParams({
    client_id: params.clientId ?? CLIENT_ID,
    redirect_uri: params.redirectUri ?? CHROME_REDIRECT_URI,
    response_type: 'code',
    scope: params.scope ?? SCOPE,
    code_challenge: params.challenge ?? challenge,
    code_challenge_method: 'S256',
    response_mode: params.responseMode ?? 'fragment',
    state: params.state ?? 'state-123',
    nonce: params.nonce ?? 'nonce-456',
    client_info: '1',
    ...(params.prompt ? { prompt: params.prompt } : {}),
    ...(params.loginHint ? { login_hint: params.loginHint } : {}),
    ...params.extra,
  });
  return `/consumers/oauth2/v2.0/authorize?${query.toString()}`;
}

/** The `ctx` hidden field of a sign-in page. */
export function pageContext(html: string): string {
  const match = /name="ctx" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error(`no ctx in page: ${html.slice(0, 300)}`);
  return match[1];
}

/** `name=value` of the session cookie set by an answer. */
export function sessionCookieOf(answer: Answer): string {
  const setCookie = answer.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie ?? '']).find((c) => c.startsWith('ESTSAUTH='));
  if (!cookie) throw new Error('no ESTSAUTH cookie set');
  return cookie.split(';')[0] ?? '';
}

/** Parameters in a redirect's fragment (or query for response_mode=query). */
export function replyParams(location: URL): URLSearchParams {
  return new URLSearchParams(location.hash ? location.hash.slice(1) : location.search);
}

/** Result of an interactive sign-in. */
export interface SignedIn {
  code: string;
  verifier: string;
  cookie: string;
  reply: URLSearchParams;
}

/**
 * Runs authorize → sign-in form → POST credentials, like a user in the browser, and returns
 * the code from the redirect.
 */
export async function signIn(
  emulator: RunningEmulator,
  email: string,
  params: AuthorizeParams = {},
): Promise<SignedIn> {
  const { verifier, challenge } = pkcePair();
  const page = await send(emulator, authorizePath({ prompt: 'login', ...params }, challenge));
  if (page.status !== 200) throw new Error(`authorize answered ${page.status}: ${page.text.slice(0, 300)}`);
  const answer = await submitCredentials(emulator, pageContext(page.text), email, 'password');
  const reply = replyParams(answer.location());
  const code = reply.get('code');
  if (!code) throw new Error(`no code in ${answer.location().toString()}`);
  return { code, verifier, cookie: sessionCookieOf(answer), reply };
}

/** POSTs the sign-in form. */
export function submitCredentials(emulator: RunningEmulator, ctx: string, email: string, password: string, cookie?: string): Promise<Answer> {
  return send(emulator, '/consumers/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams({ ctx, loginfmt: email, passwd: password }).toString(),
  });
}

/** POSTs to the token endpoint, from the extension's origin unless `origin` is null. */
export function tokenRequest(emulator: RunningEmulator, body: Record<string, string>, origin: string | null = EXTENSION_ORIGIN): Promise<Answer> {
  return send(emulator, '/consumers/oauth2/v2.0/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(origin ? { Origin: origin } : {}) },
    body: new URLSearchParams(body).toString(),
  });
}

/** Redeems a code the way MSAL does. */
export function redeemCode(emulator: RunningEmulator, signedIn: Pick<SignedIn, 'code' | 'verifier'>, overrides: Record<string, string> = {}): Promise<Answer> {
  return tokenRequest(emulator, {
    client_id: CLIENT_ID,
    grant_type: 'authorization_code',
    code: signedIn.code,
    code_verifier: signedIn.verifier,
    redirect_uri: CHROME_REDIRECT_URI,
    scope: SCOPE,
    client_info: '1',
    ...overrides,
  });
}

/** Refreshes the way MSAL does. */
export function refresh(emulator: RunningEmulator, refreshToken: string): Promise<Answer> {
  return tokenRequest(emulator, {
    client_id: CLIENT_ID,
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    redirect_uri: CHROME_REDIRECT_URI,
    scope: SCOPE,
    client_info: '1',
  });
}

/** The token endpoint's success body: the shape the emulator declares (the tests check its values). */
export type TokenBody = TokenResponse;

/** The token endpoint's error body. */
export interface TokenErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  suberror?: string;
}

/** Signs `email` in and redeems the code: a ready token set. */
export async function tokensFor(emulator: RunningEmulator, email: string): Promise<TokenBody> {
  const answer = await redeemCode(emulator, await signIn(emulator, email));
  if (answer.status !== 200) throw new Error(`token endpoint answered ${answer.status}: ${answer.text}`);
  return answer.json<TokenBody>();
}

/** A Graph call with a bearer token. */
export function graph(emulator: RunningEmulator, path: string, token: string, options: RequestOptions = {}): Promise<Answer> {
  return send(emulator, `/v1.0${path}`, {
    ...options,
    headers: { Authorization: `Bearer ${token}`, Origin: EXTENSION_ORIGIN, ...options.headers },
  });
}

/** A Graph error body. */
export interface GraphErrorBody {
  error: { code: string; message: string; innerError: { date: string; 'request-id': string; 'client-request-id': string } };
}

/** The parts of a driveItem the tests look at. */
export interface DriveItemBody {
  id: string;
  name: string;
  size: number;
  eTag: string;
  cTag: string;
  lastModifiedDateTime: string;
  '@microsoft.graph.downloadUrl': string;
  file: { mimeType: string; hashes: { sha256Hash: string; sha1Hash: string } };
  folder?: { childCount: number };
  specialFolder?: { name: string };
}
