import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { controlRoutes, sendControlError } from './control/control-routes.ts';
import { Faults, type FaultRule } from './control/faults.ts';
import { RequestLog } from './control/request-log.ts';
import { createClock } from './core/clock.ts';
import { answerPreflight, applyCors } from './core/cors.ts';
import { sendHtml, sendJson } from './core/http.ts';
import { randomGuid } from './core/ids.ts';
import { findRoute, type Route } from './core/router.ts';
import { generateLocalhostCertificate } from './core/tls-certificate.ts';
import type { EmulatorContext, RequestContext } from './emulator-context.ts';
import { DownloadLinks } from './graph/download-links.ts';
import { DriveStore } from './graph/drive-store.ts';
import { graphFaultCode, sendGraphError } from './graph/graph-errors.ts';
import { aad, aadErrorFields } from './identity/aad-errors.ts';
import { AccessTokens } from './identity/access-tokens.ts';
import { AuthorizationCodes } from './identity/authorization-codes.ts';
import { createClientPolicy } from './identity/client-policy.ts';
import { PendingAuthorizations } from './identity/pending-authorizations.ts';
import { RefreshTokens } from './identity/refresh-tokens.ts';
import { SignInSessions } from './identity/sign-in-sessions.ts';
import { createSigningKey } from './identity/signing-key.ts';
import { renderErrorPage } from './identity/sign-in-pages.ts';
import { serviceRoutes } from './service-routes.ts';

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** Directory for users' files, sessions and refresh tokens (created if missing). */
  dataDir: string;
  /** TCP port; 0 picks a free one. Default 8443. */
  port?: number;
  /** Address to listen on. Default `127.0.0.1`. URLs always use the host name `localhost`. */
  host?: string;
  /** Redirect URIs accepted besides `https://<id>.chromiumapp.org/` and `https://<hex>.extensions.allizom.org/`. */
  redirectUris?: string[];
  /** Accepted client ids; empty or absent = any GUID. */
  clientIds?: string[];
  /** Display name of the app folder (`Apps/<name>`). Default `Hikae Authenticator`. */
  appFolderName?: string;
}

/** A running emulator. */
export interface RunningEmulator {
  /** `https://localhost:PORT`: authority `${url}/consumers`, Graph `${url}/v1.0`. */
  url: string;
  port: number;
  /** The self-signed certificate (PEM), for clients that should trust exactly it. */
  certificatePem: string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** Default port of the emulator. */
export const DEFAULT_PORT = 8443;

/**
 * Starts the local Microsoft cloud emulator: identity platform + Graph app folder over HTTPS
 * on one origin. See docs/ms-cloud-emulator.md.
 * @throws StoredFileDamagedError when a file in `dataDir` cannot be read.
 */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const clock = createClock();
  const emulator: EmulatorContext = {
    baseUrl: '',
    appFolderName: options.appFolderName ?? 'Hikae Authenticator',
    clock,
    clientPolicy: createClientPolicy(options.clientIds ?? [], options.redirectUris ?? []),
    signingKey: createSigningKey(),
    sessions: new SignInSessions(dataDir, clock),
    pending: new PendingAuthorizations(clock),
    codes: new AuthorizationCodes(clock),
    refreshTokens: new RefreshTokens(dataDir, clock),
    accessTokens: new AccessTokens(clock),
    drives: new DriveStore(dataDir, clock),
    downloads: new DownloadLinks(clock),
    faults: new Faults(),
    log: new RequestLog(),
  };
  const tls = await generateLocalhostCertificate();
  const server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    handleRequest(emulator, req, res).catch((error: unknown) => answerUnexpected(res, error));
  });
  const port = await listen(server, options.port ?? DEFAULT_PORT, options.host ?? '127.0.0.1');
  emulator.baseUrl = `https://localhost:${port}`;
  return {
    url: emulator.baseUrl,
    port,
    certificatePem: tls.cert,
    close: () => closeServer(server),
  };
}

async function handleRequest(emulator: EmulatorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', emulator.baseUrl);
  const ctx: RequestContext = { emulator, req, res, url, requestId: randomGuid() };
  if (url.pathname.startsWith('/_emulator/')) {
    // Control calls are neither logged nor subject to faults.
    await dispatch(ctx, controlRoutes);
    return;
  }
  const started = Date.now();
  const entry = emulator.log.begin(req, emulator.clock.now());
  const done = () => {
    entry.status = res.writableFinished ? res.statusCode : 0;
    entry.durationMs = Date.now() - started;
    if (ctx.user) entry.user = ctx.user;
  };
  res.once('close', done);

  const fault = emulator.faults.take(req.method ?? 'GET', req.url ?? '/');
  if (fault) {
    entry.fault = { id: fault.id, kind: fault.kind };
    if (fault.kind === 'delay') {
      await new Promise((resolveDelay) => setTimeout(resolveDelay, fault.delayMs ?? 0));
    } else {
      injectFault(ctx, fault);
      return;
    }
  }
  await dispatch(ctx, serviceRoutes);
}

async function dispatch(ctx: RequestContext, routes: Route<RequestContext>[]): Promise<void> {
  const method = ctx.req.method ?? 'GET';
  const path = ctx.url.pathname;
  if (method === 'OPTIONS') {
    answerPreflight(ctx.req, ctx.res, path.startsWith('/_content/') || path.startsWith('/_emulator/') ? 'any-origin' : 'echo-origin');
    return;
  }
  const found = findRoute(routes, method, path);
  if (found.kind !== 'found') {
    if (found.kind === 'wrong-method' && found.cors !== 'none') applyCors(ctx.req, ctx.res, found.cors);
    sendJson(ctx.res, found.kind === 'wrong-method' ? 405 : 404, { error: found.kind === 'wrong-method' ? `use ${found.allowed.join(' or ')}` : `nothing at ${path}` }, found.kind === 'wrong-method' ? { Allow: found.allowed.join(', ') } : {});
    return;
  }
  if (found.route.cors !== 'none') applyCors(ctx.req, ctx.res, found.route.cors);
  try {
    await found.route.handle(ctx, found.match);
  } catch (error) {
    if (!sendControlError(ctx, error)) throw error;
  }
}

/** Applies a `status`, `network` or `hang` fault instead of handling the request. */
function injectFault(ctx: RequestContext, fault: FaultRule): void {
  const { req, res, url } = ctx;
  if (fault.kind === 'network') {
    req.socket.destroy();
    return;
  }
  if (fault.kind === 'hang') return; // never answered; the socket closes with the client or the server
  const status = fault.status ?? 503;
  const headers: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : {};
  applyCors(req, res, url.pathname.startsWith('/_content/') ? 'any-origin' : 'echo-origin');
  req.resume(); // drain any upload so the client reads the answer
  if (/^\/v1\.0(\/|$)/i.test(url.pathname) || url.pathname.startsWith('/_content/')) {
    const { code, message } = graphFaultCode(status);
    sendGraphError(ctx, status, code, message, headers);
  } else if (/\/oauth2\/v2\.0\/token$|\/\.well-known\/|\/discovery\//i.test(url.pathname)) {
    sendJson(res, status, aadErrorFields(aad.transient(status), { baseUrl: ctx.emulator.baseUrl, now: ctx.emulator.clock.now() }), headers);
  } else {
    sendHtml(res, status, renderErrorPage(`The service is unavailable (HTTP ${status}, fault injected by the emulator).`), headers);
  }
}

function answerUnexpected(res: ServerResponse, error: unknown): void {
  console.error('ms-cloud-emulator: request failed', error);
  if (!res.headersSent) sendJson(res, 500, { error: `emulator bug: ${error instanceof Error ? error.message : String(error)}` });
  else res.destroy();
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('server has no TCP address'));
      else resolveListen(address.port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolveClose, reject) => {
    server.close((error) => (error ? reject(error) : resolveClose()));
    server.closeAllConnections();
  });
}
