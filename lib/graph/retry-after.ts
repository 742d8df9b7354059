/**
 * The longest wait a server can ask for (s): 1 h. A ten-digit `Retry-After` (a broken proxy, a
 * hostile answer) would otherwise stop automatic backup for years.
 */
export const MAX_RETRY_AFTER_SECONDS = 3600;

/**
 * Reads a `Retry-After` header (RFC 9110 §10.2.3): delay-seconds, or an HTTP-date in IMF-fixdate
 * (`Wed, 21 Oct 2026 07:28:00 GMT`) or the obsolete RFC 850 form (`Wednesday, 21-Oct-26 07:28:00 GMT`).
 * Graph sends seconds; proxies and CDNs may send a date.
 *
 * @param value the header value, or null when absent
 * @param nowMs the current time in ms since the epoch, to turn a date into a delay
 * @returns whole seconds to wait (0 … {@link MAX_RETRY_AFTER_SECONDS}: a date in the past gives 0, a
 *   longer wait is cut to 1 h), or undefined when the header is absent or unreadable (an unreadable hint is no hint; the caller falls back to its own backoff)
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text), MAX_RETRY_AFTER_SECONDS);
  // Only the HTTP-date shapes: Date.parse alone would read "1.5" or "7" as calendar dates.
  if (!/^[A-Za-z]{3,9}, [0-9A-Za-z -]+ \d\d:\d\d:\d\d GMT$/.test(text)) return undefined;
  const dateMs = Date.parse(text);
  if (Number.isNaN(dateMs)) return undefined;
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, Math.ceil((dateMs - nowMs) / 1000)));
}
