import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as OTPAuth from 'otpauth';

/*
 * A tiny web app with a TOTP-protected sign-in: the app under test in the
 * testing kit's example (docs/testing-with-puppeteer.md). Password first, then a
 * six-digit code checked with the `otpauth` library, as many real apps do. It
 * knows nothing of the extension. One user: alice / wonderland.
 */

const USER = { name: 'alice', password: 'wonderland' };

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;

const SIGN_IN = page(
  'Sign in',
  `<form method="post" action="/sign-in">
    <label>User <input name="user" autocomplete="username"></label>
    <label>Password <input name="password" type="password" autocomplete="current-password"></label>
    <button>Sign in</button>
  </form>`,
);

const CODE_FORM = (session: string, error = '') =>
  page(
    'Two-step verification',
    `${error ? `<p role="alert">${error}</p>` : ''}<form method="post" action="/verify">
    <input type="hidden" name="session" value="${session}">
    <label>Code from your authenticator <input name="code" autocomplete="one-time-code" inputmode="numeric" maxlength="6"></label>
    <button>Verify</button>
  </form>`,
  );

async function formOf(request: http.IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > 10_000) break;
  }
  return new URLSearchParams(body);
}

export interface LoginApp {
  /** `http://localhost:<port>`: plain http is fine on localhost, for the browser and the extension alike. */
  url: string;
  close(): Promise<void>;
}

/** Starts the app on a free port of localhost, with a new TOTP secret for alice. */
export async function startLoginApp(): Promise<LoginApp> {
  const totp = new OTPAuth.TOTP({ issuer: 'Example App', label: USER.name, secret: new OTPAuth.Secret({ size: 20 }) });
  /** Sessions that passed the password and wait for their code. */
  const pending = new Set<string>();

  const server = http.createServer((request, response) => {
    void (async () => {
      const send = (status: number, html: string) => response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      if (request.method === 'GET' && request.url === '/') return send(200, SIGN_IN);
      // What the app shows when alice turns on two-step verification: a QR code and, for
      // people who cannot scan, the link itself.
      if (request.method === 'GET' && request.url === '/enroll') {
        return send(200, page('Turn on two-step verification', `<p>Can't scan the QR code? Use this link:</p><code data-testid="otpauth">${totp.toString()}</code>`));
      }
      if (request.method === 'POST' && request.url === '/sign-in') {
        const form = await formOf(request);
        if (form.get('user') !== USER.name || form.get('password') !== USER.password) return send(401, page('Sign in failed', ''));
        const session = randomBytes(16).toString('hex');
        pending.add(session);
        return send(200, CODE_FORM(session));
      }
      if (request.method === 'POST' && request.url === '/verify') {
        const form = await formOf(request);
        const session = form.get('session') ?? '';
        if (!pending.has(session)) return send(401, page('Sign in failed', ''));
        // window 0: only the code of the current 30-second period is accepted.
        if (totp.validate({ token: form.get('code') ?? '', window: 0 }) === null) return send(401, CODE_FORM(session, 'Wrong code.'));
        pending.delete(session);
        return send(200, page(`Welcome, ${USER.name}`, ''));
      }
      send(404, page('Not found', ''));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
