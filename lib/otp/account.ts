import { z } from 'zod';
import { MAX_SITE_LENGTH, MAX_SITES_PER_ACCOUNT } from '../autofill/site-limits';

/**
 * The account model: one second factor the user holds. Plain, serialisable data
 * (it crosses messages and is stored inside the encrypted vault); the type is
 * inferred from the schema under the same name.
 */

export const OtpType = z.enum(['totp', 'hotp', 'steam']);
export type OtpType = z.infer<typeof OtpType>;

export const HashAlgorithm = z.enum(['SHA1', 'SHA256', 'SHA512']);
export type HashAlgorithm = z.infer<typeof HashAlgorithm>;

export { LIMITS } from './limits';

/** What a user (or an importer, or a QR code) supplies to create an account. */
export const AccountDraft = z.object({
  issuer: z.string(),
  accountName: z.string(),
  /** Base32 (RFC 4648), upper case, no padding, no spaces. */
  secret: z.string(),
  type: OtpType,
  algorithm: HashAlgorithm,
  digits: z.number().int(),
  /** Seconds per code, TOTP and Steam. */
  period: z.number().int(),
  /** Moving factor, HOTP only; the code shown is the one for this value. */
  counter: z.number().int().nonnegative(),
  /**
   * Where codes of this account may be filled (docs/autofill.md): registrable
   * domains (`github.com`), or origins (`https://login.example.com`) when
   * `siteMatch` is `origin`. The first is the page the account was scanned on, when
   * it was. Absent or empty: not bound yet (bound on first use, after asking).
   */
  sites: z.array(z.string().min(1).max(MAX_SITE_LENGTH)).max(MAX_SITES_PER_ACCOUNT).optional(),
  /** How `sites` are compared with a page; absent = `domain` (registrable domain). */
  siteMatch: z.enum(['domain', 'origin']).optional(),
  /**
   * Device-bound accounts keep their secret on this device only: a backup carries
   * their name and position but not the secret.
   */
  deviceBound: z.boolean().optional(),
});
export type AccountDraft = z.infer<typeof AccountDraft>;

export const Account = AccountDraft.extend({
  /** Random UUID, stable across edits, backups and devices. */
  id: z.string().min(1),
  /** Milliseconds since the epoch. */
  createdAt: z.number(),
  /** Milliseconds since the epoch; the backup merge compares these. */
  modifiedAt: z.number(),
  /**
   * Set on a device-bound account restored from a backup without its secret: the
   * account is shown but has no code until a matching QR code or link is supplied.
   */
  needsVerification: z.boolean().optional(),
});
export type Account = z.infer<typeof Account>;

/** Defaults of the Key URI format for fields a draft may leave out. */
export const DRAFT_DEFAULTS = {
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
} as const satisfies Partial<AccountDraft>;
