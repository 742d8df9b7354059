import { uiLanguage } from '../../../components/i18n';

/** A moment as the user reads dates in their language, e.g. "24 Nov 2026, 14:02" / "2026/11/24 14:02". */
export function formatTime(ms: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}
