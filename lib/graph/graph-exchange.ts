import { GraphNetworkError, GraphUnauthorizedError } from './errors';
import type { GraphAnswer } from './graph-answer';

/**
 * Where the client gets its access token. `forceRefresh: true` after Graph answered 401: the
 * source must not return the cached token then. Whatever it throws (interaction required,
 * offline during the refresh, …) reaches the client's caller untouched.
 */
export interface AccessTokenSource {
  (options: { forceRefresh: boolean }): Promise<string>;
}

/** One request to Graph, before the token is added. */
export interface GraphRequest {
  method: 'GET' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** Sent as UTF-8. */
  body?: string;
}

/** Sends a request with a bearer token, refreshing the token once on 401. */
export type GraphExchange = (request: GraphRequest, operation: string) => Promise<GraphAnswer>;

/**
 * RFC 6750 `b64token`. Checked before the token goes into a header: a token with a line break
 * would make fetch throw a TypeError quoting the header value, i.e. the token.
 */
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * The authorized exchange: token from `getAccessToken`, `timeoutMs` per attempt, and on 401 one
 * forced refresh and one repeat of the same request. A second 401 is returned, not thrown: the
 * caller maps it (GraphUnauthorizedError) with everything else.
 */
export function createGraphExchange(options: { fetch: typeof fetch; getAccessToken: AccessTokenSource; timeoutMs: number }): GraphExchange {
  const { fetch: fetchFn, getAccessToken, timeoutMs } = options;

  async function once(request: GraphRequest, token: string, operation: string): Promise<GraphAnswer> {
    if (!BEARER_TOKEN.test(token)) {
      throw new GraphUnauthorizedError(`${operation} failed: the token source returned something that is not a bearer token (empty or invalid characters).`, {
        status: 0,
        code: 'invalidAccessToken',
      });
    }
    // The timeout covers the whole exchange: connection, redirect and reading the body.
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetchFn(request.url, {
        method: request.method,
        headers: { ...request.headers, Authorization: `Bearer ${token}` },
        ...(request.body !== undefined ? { body: request.body } : {}),
        signal,
        // fetch follows Graph's 302 to the download URL and, per the Fetch standard, drops the
        // Authorization header if that URL is on another origin (docs/graph-client.md).
        redirect: 'follow',
        // The bearer token is the only credential; a cached answer could hide another device's upload.
        credentials: 'omit',
        cache: 'no-store',
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, text };
    } catch (error) {
      throw signal.aborted
        ? new GraphNetworkError(`${operation} failed: no answer from Microsoft Graph within ${timeoutMs} ms.`, { status: 0, code: 'timeout', cause: error })
        : new GraphNetworkError(`${operation} failed: Microsoft Graph could not be reached (offline, or the connection failed).`, {
            status: 0,
            code: 'networkError',
            cause: error,
          });
    }
  }

  return async (request, operation) => {
    const answer = await once(request, await getAccessToken({ forceRefresh: false }), operation);
    if (answer.status !== 401) return answer;
    return once(request, await getAccessToken({ forceRefresh: true }), operation);
  };
}
