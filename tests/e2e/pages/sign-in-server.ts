import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import QRCode from 'qrcode';
import { generate } from 'selfsigned';
import { referenceHotp, referenceTotp } from '../harness/reference-otp';

/*
 * A small sign-in site for the fill tests (docs/autofill.md "Prove it"): https on
 * several `.test` host names that the browsers resolve to 127.0.0.1, each page a
 * code step that the server checks itself (RFC 6238, ±1 step; `/hotp`: RFC 4226
 * with its own counter). It remembers every code it was sent, per host, so a test
 * can say a lookalike got nothing. Every page also records what it could observe
 * of the extension: DOM mutations and window messages (`window.seen`). The same
 * pages are also served over plain http (`httpUrl`), where nothing may be filled.
 */

/** The account the site knows: alice, with this secret. */
export const SIGN_IN_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The HOTP account the site knows (`/hotp`): its secret; the server's counter starts at 0. */
export const SIGN_IN_HOTP_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** How far ahead of its counter the server looks for an HOTP code (RFC 4226 §7.4 resynchronisation window). */
const HOTP_LOOK_AHEAD = 10;

/** The right site, a lookalike, a punycode twin, an unrelated one (for cross-site frames) and an HOTP (counter) site. */
export const HOSTS = {
  site: 'github.test',
  lookalike: 'github.test.evil.test',
  twin: 'xn--gthub-n4a.test',
  evil: 'evil.test',
  vpn: 'vpn.test',
  /** A user's page on a hosting service whose domain is a public suffix (PSL private section), and that suffix itself. */
  pages: 'alice.github.io',
  suffix: 'github.io',
} as const;

/** The accounts `/enroll` shows as a QR code, per host: issuer Pages, named after the host, each its own secret. */
const ENROLL_SECRETS: Record<string, string> = { [HOSTS.pages]: 'MFRGGZDFMZTWQ2LK', [HOSTS.suffix]: 'ONSWG4TFORZWK3TU' };
const enrollLink = (host: string) => `otpauth://totp/Pages:${host}?secret=${ENROLL_SECRETS[host]}&issuer=Pages`;

export interface Attempt {
  host: string;
  code: string;
  accepted: boolean;
  /** HOTP only: the counter the code was accepted for. */
  counter?: number;
}

export interface SignInServer {
  port: number;
  /** `https://<host>:<port><pathname>` */
  url(host: string, pathname?: string): string;
  /** The same page over plain http: `http://<host>:<httpPort><pathname>`. */
  httpUrl(host: string, pathname?: string): string;
  attempts: Attempt[];
  close(): Promise<void>;
}

/** Records what the page sees after it is ready (no DOM change and no message is expected from the extension). */
const OBSERVER = `<script>
window.seen = { mutations: 0, messages: 0 };
document.body.dataset.ready = '1';
new MutationObserver((records) => { window.seen.mutations += records.length; }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
addEventListener('message', () => { window.seen.messages += 1; });
</script>`;

const page = (title: string, body: string, script = OBSERVER) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}${script}</body></html>`;

const single = (action: string) => `<form method="post" action="${action}"><label for="otp">Authentication code</label>
<input id="otp" name="code" autocomplete="one-time-code" inputmode="numeric" maxlength="6"><button type="submit">Verify</button></form>`;
const SINGLE = single('/verify');

const SPLIT = `<form method="post" action="/verify"><p>Enter the 6-digit code</p><div class="boxes">${[1, 2, 3, 4, 5, 6]
  .map((n) => `<span><input id="d${n}" name="d${n}" maxlength="1" inputmode="numeric" aria-label="Digit ${n}"></span>`)
  .join('')}</div><button type="submit">Verify</button></form>`;

function pages(port: number, qrImages: Record<string, string>): Record<string, (host: string) => string> {
  return {
    '/enroll': (host) => page('Set up two-factor authentication', `<h1>Scan this code with your authenticator</h1><img alt="QR code" src="${qrImages[host] ?? ''}">`),
    // The title names GitHub on every host: matching must never look at it.
    '/login': () => page('GitHub · Two-factor authentication', SINGLE),
    '/split': () => page('GitHub · Two-factor authentication', SPLIT),
    '/otp-frame': () => page('code frame', SINGLE),
    '/same-frame': () => page('GitHub · Two-factor authentication', `<h1>Sign in</h1><iframe id="frame" src="/otp-frame" width="400" height="200"></iframe>`),
    '/cross-frame': () => page('GitHub · Two-factor authentication', `<h1>Sign in</h1><iframe id="frame" src="https://${HOSTS.evil}:${port}/otp-frame" width="400" height="200"></iframe>`),
    '/react': () => page('GitHub · Two-factor authentication', '<div id="app"></div><script src="/react-app.js"></script>', ''),
    '/hotp': () => page('VPN · Enter your token code', single('/verify-hotp')),
    '/welcome': () => page('VPN', '<h1>Welcome</h1><p>No code is asked for on this page.</p>'),
  };
}

function accepts(code: string, nowMs: number): boolean {
  return [-1, 0, 1].some((step) => referenceTotp(SIGN_IN_SECRET, nowMs + step * 30_000) === code);
}

/** An HOTP check as servers do it: a code for the counter or a few ahead is accepted once, and the counter moves past it. */
function hotpChecker() {
  let next = 0;
  return (code: string): number | null => {
    for (let counter = next; counter < next + HOTP_LOOK_AHEAD; counter++) {
      if (referenceHotp(SIGN_IN_HOTP_SECRET, counter) !== code) continue;
      next = counter + 1;
      return counter;
    }
    return null;
  };
}

async function certificate() {
  const pems = await generate([{ name: 'commonName', value: HOSTS.site }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: Object.values(HOSTS).map((value) => ({ type: 2, value })) }],
  });
  return { key: pems.private, cert: pems.cert };
}

async function reactBundle(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, 'react-sign-in.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export async function startSignInServer(): Promise<SignInServer> {
  const [tls, reactApp, qrImages] = await Promise.all([
    certificate(),
    reactBundle(),
    Promise.all(Object.keys(ENROLL_SECRETS).map(async (host) => [host, await QRCode.toDataURL(enrollLink(host), { margin: 4, scale: 4 })] as const)).then(Object.fromEntries),
  ]);
  const attempts: Attempt[] = [];
  const checkHotp = hotpChecker();
  let routes: Record<string, (host: string) => string> = {};
  const handler: http.RequestListener = (request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(request.url ?? '/', 'https://x');
    if (request.method === 'POST' && (url.pathname === '/verify' || url.pathname === '/verify-hotp')) {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const form = new URLSearchParams(body);
        const code = form.get('code') ?? [1, 2, 3, 4, 5, 6].map((n) => form.get(`d${n}`) ?? '').join('');
        const counter = url.pathname === '/verify-hotp' ? checkHotp(code) : undefined;
        const accepted = counter === undefined ? accepts(code, Date.now()) : counter !== null;
        attempts.push({ host, code, accepted, ...(counter === undefined || counter === null ? {} : { counter }) });
        response.writeHead(accepted ? 200 : 401, { 'content-type': 'text/html; charset=utf-8' });
        response.end(page('Result', `<p id="result">${accepted ? 'Signed in as alice' : 'Wrong code'}</p>`));
      });
      return;
    }
    if (url.pathname === '/react-app.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(reactApp);
      return;
    }
    const route = routes[url.pathname];
    response.writeHead(route ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(route ? route(host) : 'not found');
  };
  const servers = [https.createServer(tls, handler), http.createServer(handler)];
  const [port, httpPort] = await Promise.all(
    servers.map((server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))),
  );
  routes = pages(port!, qrImages as Record<string, string>);
  return {
    port: port!,
    url: (host, pathname = '/login') => `https://${host}:${port}${pathname}`,
    httpUrl: (host, pathname = '/login') => `http://${host}:${httpPort}${pathname}`,
    attempts,
    close: () => Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())))).then(() => undefined),
  };
}
