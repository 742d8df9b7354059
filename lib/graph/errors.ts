/**
 * The Graph client's errors (docs/graph-client.md, "Errors"). One class per thing the caller does
 * differently: merge (412), re-create (404), wait (429/503, network, 5xx), sign in again (401),
 * tell the user their account cannot have an app folder (403), or report a bug (other 4xx,
 * malformed answers). Messages never contain the token, a download URL or the file's contents.
 */

/** What every Graph error carries besides its message. */
export interface GraphErrorDetails {
  /** HTTP status of the answer that failed; 0 when there was no answer. */
  status: number;
  /** Graph's `error.code` when the body had one, else a client code (see the docs' table). */
  code: string;
  /** Seconds the server asked to wait (`Retry-After`, seconds or HTTP-date), when it did. */
  retryAfterSeconds?: number;
  /** Graph's `request-id` header, for support requests. */
  requestId?: string;
  /** Graph's `error` object, the fetch rejection, or the error that led to this one. */
  cause?: unknown;
}

/** Base class: a call to Microsoft Graph failed. Never thrown itself; catch it to catch them all. */
export class GraphError extends Error {
  override readonly name: string = 'GraphError';
  /** HTTP status; 0 when there was no answer (network, timeout). */
  readonly status: number;
  /** Graph's `error.code`, or a client code when the body had none. */
  readonly code: string;
  /** Seconds to wait before retrying, from `Retry-After`, when given. */
  readonly retryAfterSeconds: number | undefined;
  /** Graph's `request-id` response header, when present. */
  readonly requestId: string | undefined;

  constructor(message: string, details: GraphErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.code = details.code;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.requestId = details.requestId;
  }
}

/** 412: the cloud copy changed since its eTag was read. Download, merge, upload with the new eTag. */
export class GraphPreconditionFailedError extends GraphError {
  override readonly name: string = 'GraphPreconditionFailedError';
}

/** 404 where a file was required: download of a missing file, `If-Match` upload of a deleted one. */
export class GraphNotFoundError extends GraphError {
  override readonly name: string = 'GraphNotFoundError';
}

/** 409: Graph reports a conflict with the item's current state (e.g. `nameAlreadyExists`). */
export class GraphConflictError extends GraphError {
  override readonly name: string = 'GraphConflictError';
}

/** 429 or 503: throttled or temporarily unavailable; `retryAfterSeconds` when Graph said. */
export class GraphThrottledError extends GraphError {
  override readonly name: string = 'GraphThrottledError';
}

/** 401 even after one forced token refresh and retry: the user must sign in again. */
export class GraphUnauthorizedError extends GraphError {
  override readonly name: string = 'GraphUnauthorizedError';
}

/** 403: the account may not use the app folder (work/school accounts may refuse it). */
export class GraphForbiddenError extends GraphError {
  override readonly name: string = 'GraphForbiddenError';
}

/** No answer: fetch rejected (offline, DNS, TLS, connection reset) or the timeout passed. */
export class GraphNetworkError extends GraphError {
  override readonly name: string = 'GraphNetworkError';
}

/** 5xx other than 503: Graph failed; retrying later may work. */
export class GraphServerError extends GraphError {
  override readonly name: string = 'GraphServerError';
}

/** Other 4xx (400, 405, 413, …): Graph refused the request itself; retrying cannot fix it. */
export class GraphRequestRejectedError extends GraphError {
  override readonly name: string = 'GraphRequestRejectedError';
}

/** A success status with a body that is not the expected JSON, or a status that makes no sense. */
export class GraphResponseError extends GraphError {
  override readonly name: string = 'GraphResponseError';
}

/** The file changed during the download and again during its one retry. */
export class GraphFileChangedDuringDownloadError extends GraphError {
  override readonly name: string = 'GraphFileChangedDuringDownloadError';
}

/**
 * The file in the app folder is larger than any backup Hikae writes (its metadata said so): it
 * was not downloaded. Planted or broken; retrying cannot help.
 */
export class GraphFileTooLargeError extends GraphError {
  override readonly name: string = 'GraphFileTooLargeError';
}

/** `createGraphClient` was given an option it cannot work with (a programming error). */
export class GraphClientConfigError extends Error {
  override readonly name = 'GraphClientConfigError';
  constructor(
    /** The option at fault. */
    readonly option: 'baseUrl' | 'fileName' | 'timeoutMs',
    message: string,
  ) {
    super(message);
  }
}
