import { header, sendJson } from '../core/http.ts';
import type { RequestContext } from '../emulator-context.ts';

/** Graph's JSON content type. */
export const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** Headers every Graph answer carries: `request-id`, and `client-request-id` echoed. */
export function graphResponseHeaders(ctx: RequestContext): Record<string, string> {
  return { 'request-id': ctx.requestId, 'client-request-id': header(ctx.req, 'client-request-id') || ctx.requestId };
}

/** Sends a Graph answer with Graph's headers. */
export function sendGraphJson(ctx: RequestContext, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendJson(ctx.res, status, body, { 'Content-Type': GRAPH_JSON, ...graphResponseHeaders(ctx), ...headers });
}

/** Sends `{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}`. */
export function sendGraphError(
  ctx: RequestContext,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  const ids = graphResponseHeaders(ctx);
  sendGraphJson(
    ctx,
    status,
    {
      error: {
        code,
        message,
        innerError: {
          date: new Date(ctx.emulator.clock.now()).toISOString().slice(0, 19),
          'request-id': ids['request-id'],
          'client-request-id': ids['client-request-id'],
        },
      },
    },
    headers,
  );
}

/** Graph's error code for a status the emulator was told to fake. */
export function graphFaultCode(status: number): { code: string; message: string } {
  switch (status) {
    case 429:
      return { code: 'activityLimitReached', message: 'The application or user has been throttled.' };
    case 503:
      return { code: 'serviceNotAvailable', message: 'The service is temporarily unavailable. Please try again later.' };
    case 500:
      return { code: 'generalException', message: 'An unspecified error has occurred.' };
    default:
      return { code: 'emulatedFault', message: `Fault injected by the emulator (HTTP ${status}).` };
  }
}
