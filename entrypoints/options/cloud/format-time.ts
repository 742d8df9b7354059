import { uiLanguage } from '../../../components/i18n';
import { relativeTime } from '../../../lib/i18n/relative-time';

/** A moment as the user reads dates in their language, e.g. "24 Nov 2026, 14:02" / "2026/11/24 14:02". */
export function formatTime(ms: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** A moment within the hour as "in 1 minute" / "1 分後"; null further away (then formatTime reads better). */
export function formatNear(ms: number): string | null {
  return relativeTime(ms, Date.now(), uiLanguage());
}
