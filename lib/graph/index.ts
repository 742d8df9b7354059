/** Microsoft Graph client for the backup file in the OneDrive app folder (docs/graph-client.md). */
export { createGraphClient, DEFAULT_GRAPH_TIMEOUT_MS, MAX_BACKUP_BYTES, type GraphClient, type GraphClientOptions, type UploadCondition } from './graph-client';
export type { AccessTokenSource } from './graph-exchange';
export { RemoteFile, GraphUser } from './drive-item';
export {
  GraphError,
  GraphPreconditionFailedError,
  GraphNotFoundError,
  GraphConflictError,
  GraphThrottledError,
  GraphUnauthorizedError,
  GraphForbiddenError,
  GraphNetworkError,
  GraphServerError,
  GraphRequestRejectedError,
  GraphResponseError,
  GraphFileChangedDuringDownloadError,
  GraphFileTooLargeError,
  GraphClientConfigError,
  type GraphErrorDetails,
} from './errors';
export { retryDelayMs, RETRY_BASE_DELAY_MS, RETRY_MAX_DELAY_MS, RETRY_AFTER_JITTER_MS } from './retry-delay';
export { parseRetryAfter, MAX_RETRY_AFTER_SECONDS } from './retry-after';
