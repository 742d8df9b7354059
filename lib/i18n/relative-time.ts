/** Up to this far away, a moment reads better as "in 5 minutes" than as a date and time. */
export const RELATIVE_TIME_LIMIT_MS = 60 * 60 * 1000;

/**
 * A moment close to now, said relative to it in `locale`: "in 45 seconds", "in 1 minute",
 * "5 minutes ago", "1 分後". Null when `atMs` is more than an hour away (show the
 * date and time instead). Seconds below a minute, whole minutes (rounded) above.
 */
export function relativeTime(atMs: number, nowMs: number, locale: string): string | null {
  const deltaMs = atMs - nowMs;
  if (Math.abs(deltaMs) > RELATIVE_TIME_LIMIT_MS) return null;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  const seconds = Math.round(deltaMs / 1000);
  if (Math.abs(seconds) < 60) return format.format(seconds, 'second');
  return format.format(Math.round(deltaMs / 60_000), 'minute');
}
