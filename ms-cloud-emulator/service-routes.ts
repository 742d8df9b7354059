import type { Route } from './core/router.ts';
import { decodeSegment } from './core/router.ts';
import type { RequestContext } from './emulator-context.ts';
import { handleDownload } from './graph/download-route.ts';
import { handleGraph } from './graph/graph-routes.ts';
import {
  handleAccountSelected,
  handleAuthorize,
  handleCancel,
  handleConsent,
  handleLogout,
  handleSignInFormPage,
  handleSignInSubmit,
} from './identity/authorize-routes.ts';
import { handleErrorInfo, handleJwks, handleOpenIdConfiguration } from './identity/metadata-routes.ts';
import { handleToken } from './identity/token-route.ts';

/** The tenant segment of a match, decoded. */
function tenantOf(match: RegExpExecArray): string {
  return decodeSegment(match[1] ?? '') ?? '';
}

/**
 * The emulated services: identity under `/{tenant}/…`, Graph under `/v1.0`, downloads under
 * `/_content/`. Navigation pages carry no CORS headers; APIs echo the caller's origin.
 */
export const serviceRoutes: Route<RequestContext>[] = [
  { method: 'GET', pattern: /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/i, cors: 'echo-origin', handle: (c, m) => handleOpenIdConfiguration(c, tenantOf(m)) },
  { method: 'GET', pattern: /^\/([^/]+)\/discovery\/v2\.0\/keys$/i, cors: 'echo-origin', handle: (c, m) => handleJwks(c, tenantOf(m)) },
  { method: 'GET', pattern: /^\/([^/]+)\/oauth2\/v2\.0\/authorize$/i, cors: 'none', handle: (c, m) => handleAuthorize(c, tenantOf(m)) },
  { method: 'POST', pattern: /^\/([^/]+)\/oauth2\/v2\.0\/token$/i, cors: 'echo-origin', handle: (c, m) => handleToken(c, tenantOf(m)) },
  { method: 'GET', pattern: /^\/([^/]+)\/oauth2\/v2\.0\/logout$/i, cors: 'none', handle: (c) => handleLogout(c) },
  { method: 'GET', pattern: /^\/([^/]+)\/login$/, cors: 'none', handle: (c, m) => handleSignInFormPage(c, tenantOf(m)) },
  { method: 'POST', pattern: /^\/([^/]+)\/login$/, cors: 'none', handle: (c, m) => handleSignInSubmit(c, tenantOf(m)) },
  { method: 'POST', pattern: /^\/([^/]+)\/login\/select$/, cors: 'none', handle: (c, m) => handleAccountSelected(c, tenantOf(m)) },
  { method: 'POST', pattern: /^\/([^/]+)\/login\/consent$/, cors: 'none', handle: (c, m) => handleConsent(c, tenantOf(m)) },
  { method: 'POST', pattern: /^\/([^/]+)\/login\/cancel$/, cors: 'none', handle: (c) => handleCancel(c) },
  { method: 'GET', pattern: /^\/error$/, cors: 'none', handle: (c) => handleErrorInfo(c) },
  { method: '*', pattern: /^\/v1\.0(?:\/.*)?$/i, cors: 'echo-origin', handle: (c) => handleGraph(c) },
  { method: 'GET', pattern: /^\/_content\/([A-Za-z0-9_-]+)$/, cors: 'any-origin', handle: (c, m) => handleDownload(c, m[1] ?? '') },
];
