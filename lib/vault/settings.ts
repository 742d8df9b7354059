import { z } from 'zod';

/** The colour scheme of the extension's pages; `system` follows the browser. */
export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

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
});
export type Settings = z.infer<typeof Settings>;

/** The settings of a new vault. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze(Settings.parse({}));
