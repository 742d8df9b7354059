import type { IncomingMessage, ServerResponse } from 'node:http';
import { header, sendEmpty } from './http.ts';

/** Headers Graph lets cross-origin callers read. Not Retry-After (see docs/ms-cloud-emulator.md). */
const GRAPH_EXPOSED_HEADERS = 'ETag, Location, request-id, client-request-id, WWW-Authenticate';

/** Which CORS policy a route follows. */
export type CorsPolicy = 'echo-origin' | 'any-origin';

/**
 * Adds the CORS answer headers the real services send: the token, metadata and Graph
 * endpoints echo any `Origin` (extension origins included); download URLs and the control
 * interface allow `*`.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, policy: CorsPolicy): void {
  const origin = header(req, 'origin');
  if (policy === 'any-origin') {
    res.setHeader('Access-Control-Allow-Origin', '*');
  } else if (origin) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
  }
  res.setHeader('Access-Control-Expose-Headers', GRAPH_EXPOSED_HEADERS);
}

/** Answers a CORS preflight (`OPTIONS`) allowing the requested method and headers. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, policy: CorsPolicy): void {
  applyCors(req, res, policy);
  const requestedHeaders = header(req, 'access-control-request-headers');
  sendEmpty(res, 204, {
    'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
    ...(requestedHeaders ? { 'Access-Control-Allow-Headers': requestedHeaders } : {}),
    'Access-Control-Max-Age': '3600',
  });
}
