import { z } from 'zod';
import { GraphConflictError, GraphError, GraphForbiddenError, GraphNotFoundError, GraphPreconditionFailedError, GraphRequestRejectedError, GraphResponseError, GraphServerError, GraphThrottledError, GraphUnauthorizedError, type GraphErrorDetails } from './errors';
import { requestIdOf, type GraphAnswer } from './graph-answer';
import { parseRetryAfter } from './retry-after';

/** Graph's error body `{"error":{"code","message","innerError"}}`; extra fields are kept for `cause`. */
export const GraphErrorBody = z.object({
  error: z
    .object({
      code: z.string().min(1),
      message: z.string().optional(),
    })
    .loose(),
});
export type GraphErrorBody = z.infer<typeof GraphErrorBody>;

/** Longest part of Graph's own message quoted in ours. */
const MAX_QUOTED_MESSAGE = 300;

type GraphErrorClass = new (message: string, details: GraphErrorDetails) => GraphError;

interface Mapping {
  errorClass: GraphErrorClass;
  /** Used when the body carries no `error.code`. */
  fallbackCode: string;
  explanation: string;
}

/**
 * The typed error for an answer that is not the success the caller expected. The class follows
 * the HTTP status alone; the body only adds Graph's code and message, and may be absent or not JSON.
 *
 * @param operation what was being done, e.g. "Uploading hikae-backup.json to OneDrive"
 * @param nowMs current time (ms since the epoch), to read a `Retry-After` HTTP-date
 */
export function errorFromAnswer(answer: GraphAnswer, operation: string, nowMs: number): GraphError {
  const graphError = graphErrorOf(answer.text);
  const retryAfterSeconds = parseRetryAfter(answer.headers.get('retry-after'), nowMs);
  const mapping = mappingFor(answer.status, retryAfterSeconds);
  const code = graphError?.code ?? mapping.fallbackCode;
  const quoted = quotedMessage(graphError?.message);
  const message = `${operation} failed: ${mapping.explanation} (HTTP ${answer.status} ${code})${quoted ? `: ${quoted}` : '.'}`;
  return new mapping.errorClass(message, {
    status: answer.status,
    code,
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    requestId: requestIdOf(answer),
    cause: graphError,
  });
}

function mappingFor(status: number, retryAfterSeconds: number | undefined): Mapping {
  switch (status) {
    case 401:
      return {
        errorClass: GraphUnauthorizedError,
        fallbackCode: 'unauthenticated',
        explanation: 'Microsoft Graph refused the access token even after a refresh; sign in to Microsoft again',
      };
    case 403:
      return {
        errorClass: GraphForbiddenError,
        fallbackCode: 'forbidden',
        explanation:
          "Microsoft Graph refused access to the OneDrive app folder. Work or school accounts may not allow apps their own folder; the backup needs a personal Microsoft account",
      };
    case 404:
      return { errorClass: GraphNotFoundError, fallbackCode: 'itemNotFound', explanation: 'the file is not in the OneDrive app folder' };
    case 409:
      return { errorClass: GraphConflictError, fallbackCode: 'conflict', explanation: 'OneDrive reports a conflict with the current state of the file' };
    case 412:
      return {
        errorClass: GraphPreconditionFailedError,
        fallbackCode: 'preconditionFailed',
        explanation: 'the file in OneDrive is not the version this request was conditioned on (another device changed it); download and merge first',
      };
    case 429:
    case 503:
      return {
        errorClass: GraphThrottledError,
        fallbackCode: 'throttled',
        explanation: `Microsoft Graph is throttling requests or temporarily unavailable; retry ${retryAfterSeconds === undefined ? 'later' : `after ${retryAfterSeconds} s`}`,
      };
  }
  if (status >= 500 && status <= 599) {
    return { errorClass: GraphServerError, fallbackCode: 'serverError', explanation: 'Microsoft Graph failed on its side' };
  }
  if (status >= 400 && status <= 499) {
    return { errorClass: GraphRequestRejectedError, fallbackCode: 'requestRejected', explanation: 'Microsoft Graph rejected the request' };
  }
  return { errorClass: GraphResponseError, fallbackCode: 'unexpectedStatus', explanation: 'Microsoft Graph answered with an unexpected status' };
}

/** Graph's `error` object, or undefined when the body is empty, not JSON or another shape. */
function graphErrorOf(text: string): GraphErrorBody['error'] | undefined {
  if (!text.trim()) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // An HTML error page from a proxy or load balancer: the status alone decides.
    return undefined;
  }
  const parsed = GraphErrorBody.safeParse(json);
  return parsed.success ? parsed.data.error : undefined;
}

/** Graph's message on one line, control characters removed, cut to a readable length. */
function quotedMessage(message: string | undefined): string {
  if (!message) return '';
  const oneLine = message.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return oneLine.length > MAX_QUOTED_MESSAGE ? `${oneLine.slice(0, MAX_QUOTED_MESSAGE)}…` : oneLine;
}
