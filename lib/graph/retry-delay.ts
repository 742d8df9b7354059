import { MAX_RETRY_AFTER_SECONDS } from './retry-after';
import { GraphError, GraphFileChangedDuringDownloadError, GraphNetworkError, GraphServerError, GraphThrottledError } from './errors';

/** First backoff step: 2 s (the first retry waits 1–2 s with jitter). */
export const RETRY_BASE_DELAY_MS = 2_000;
/** Backoff cap: 15 min (waits of 7.5–15 min once reached). */
export const RETRY_MAX_DELAY_MS = 15 * 60 * 1000;
/** Spread added to a server-given Retry-After, so several devices do not return in lockstep. */
export const RETRY_AFTER_JITTER_MS = 1_000;

/**
 * How long to wait before retrying a Graph call (docs/graph-client.md, "Retry rules").
 *
 * - Throttling (429/503), other 5xx, network failures and a download that kept changing can be
 *   retried: after `Retry-After` when the server gave one (never earlier, plus up to 1 s of
 *   jitter), else after exponential backoff with equal jitter, `b = min(2 s · 2^attempt, 15 min)`,
 *   waiting between b/2 and b.
 * - Everything else gives null: 412 (merge first), 404, 409, 401 (sign in), 403, other 4xx,
 *   malformed answers, and errors that are not GraphErrors (e.g. the token source's own).
 *
 * @param attempt retries already made for this operation (0 before the first retry), integer ≥ 0
 * @param random uniform in [0, 1), e.g. Math.random
 * @returns milliseconds (integer) to wait, or null when retrying cannot help
 */
export function retryDelayMs(error: unknown, attempt: number, random: () => number): number | null {
  if (!Number.isInteger(attempt) || attempt < 0) throw new RangeError(`attempt must be an integer ≥ 0, got ${attempt}.`);
  if (!isRetryable(error)) return null;
  const spread = random();
  if (!(spread >= 0 && spread < 1)) throw new RangeError(`random() must return a number in [0, 1), got ${spread}.`);
  // Capped here too: an error built elsewhere (not by parseRetryAfter) must not stop backups for years.
  if (error.retryAfterSeconds !== undefined) return Math.min(error.retryAfterSeconds, MAX_RETRY_AFTER_SECONDS) * 1000 + Math.floor(spread * RETRY_AFTER_JITTER_MS);
  const ceiling = Math.min(RETRY_MAX_DELAY_MS, RETRY_BASE_DELAY_MS * 2 ** attempt);
  return Math.floor(ceiling / 2 + (spread * ceiling) / 2);
}

function isRetryable(error: unknown): error is GraphError {
  return (
    error instanceof GraphThrottledError ||
    error instanceof GraphServerError ||
    error instanceof GraphNetworkError ||
    error instanceof GraphFileChangedDuringDownloadError
  );
}
