import { z } from 'zod';

/** The colour scheme of the extension's pages; `system` follows the browser. */
export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

/** Bounds of {@link Settings.clipboardClearSeconds} (0 means never). */
export const CLIPBOARD_CLEAR_MIN_SECONDS = 5;
export const CLIPBOARD_CLEAR_MAX_SECONDS = 600;
export const ClipboardClearSeconds = z
  .number()
  .int()
  .refine((s) => s === 0 || (s >= CLIPBOARD_CLEAR_MIN_SECONDS && s <= CLIPBOARD_CLEAR_MAX_SECONDS), 'never (0) or 5…600 seconds');

/**
 * App settings, stored inside the encrypted vault and carried by the backup.
 * A missing field takes its default, so adding a setting needs no migration.
 */
export const Settings = z.object({
  /** Minutes of inactivity before the vault locks itself: integer 1…1440, default 15. */
  autoLockMinutes: z.number().int().min(1).max(1440).default(15),
  /** Default `system`. */
  theme: Theme.default('system'),
  /** After filling a code into a page, press Enter (submit the form); absent = off (docs/autofill.md). */
  fillPressEnter: z.boolean().optional(),
  /**
   * Seconds after which a copied code is cleared from the clipboard (if it still
   * holds it): 0 = never, else 5…600; default 30. A copied HOTP code stays valid
   * until used, and clipboard history keeps what sits there. Absent (vaults and
   * backups written before it existed) means the default: read it through
   * {@link clipboardClearSecondsOf}.
   */
  clipboardClearSeconds: ClipboardClearSeconds.optional(),
});
export type Settings = z.infer<typeof Settings>;

/** The settings of a new vault. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze(Settings.parse({}));

/** Default of {@link Settings.clipboardClearSeconds}. */
export const DEFAULT_CLIPBOARD_CLEAR_SECONDS = 30;

/** The clipboard delay in force: the stored one, or the default when absent. */
export function clipboardClearSecondsOf(settings: Settings): number {
  return settings.clipboardClearSeconds ?? DEFAULT_CLIPBOARD_CLEAR_SECONDS;
}
