import { z } from 'zod';
import { AccountDraft } from '../otp/account';

/** The formats `importFile` recognises; `hikae-encrypted` is read by a parser plugged in by lib/vault. */
export const ImportFormat = z.enum([
  'otpauth-uri-list',
  'google-authenticator',
  'aegis',
  '2fas',
  'andotp',
  'bitwarden-json',
  'bitwarden-csv',
  'ente-auth',
  'freeotp-plus',
  'proton-authenticator',
  'steam',
  'authy',
  'microsoft-authenticator',
  'freeotp',
  'stratum',
  'totp-authenticator',
  'authenticator-plus',
  'duo',
  'battle-net',
  'hikae-encrypted',
]);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** Why one entry was not imported: a stable code the UI translates and a precise message. */
export const SkipReason = z.object({ code: z.string(), message: z.string() });
export type SkipReason = z.infer<typeof SkipReason>;

/** An entry of the file that could not be turned into an account. */
export const SkippedEntry = z.object({
  /** 0-based position among the file's entries (lines, for line formats). */
  index: z.number().int().nonnegative(),
  /** What a person recognises: "Issuer: name", or "line 3" / "entry 3" when nothing else is known. */
  label: z.string(),
  reason: SkipReason,
});
export type SkippedEntry = z.infer<typeof SkippedEntry>;

/**
 * Something the user should know: about the file (missing QR codes, a text that was not
 * UTF-8) or about one account that is imported anyway (`label` names it: a short secret).
 */
export const ImportWarning = z.object({ code: z.string(), message: z.string(), label: z.string().optional() });
export type ImportWarning = z.infer<typeof ImportWarning>;

/** What an import produced. Plain data: it crosses the message boundary to the options page. */
export const ImportResult = z.object({
  format: ImportFormat,
  /** The file was password-protected. */
  encrypted: z.boolean(),
  /** Validated drafts in the file's order. Duplicates with the vault are not removed here. */
  accounts: z.array(AccountDraft),
  skipped: z.array(SkippedEntry),
  warnings: z.array(ImportWarning),
});
export type ImportResult = z.infer<typeof ImportResult>;
