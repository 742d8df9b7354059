import { z } from 'zod';
import { Account } from '../otp/account';

/**
 * An account as the backup carries it: no `needsVerification`, and a
 * device-bound account has NO `secret` (its secret never leaves its device).
 * See docs/backup-format.md.
 */
export const BackupAccount = Account.omit({ secret: true, needsVerification: true })
  .extend({
    /** Canonical base32; absent for device-bound accounts (and for one with no secret yet). */
    secret: z.string().min(1).optional(),
  })
  .refine((a) => !(a.deviceBound === true && a.secret !== undefined), {
    message: 'A device-bound account must not carry its secret.',
    path: ['secret'],
  });
export type BackupAccount = z.infer<typeof BackupAccount>;

/** What the backup keeps of an account: everything but a device-bound secret and the local verification flag. */
export function toBackupAccount(account: Account): BackupAccount {
  const { secret, needsVerification: _local, ...rest } = account;
  return account.deviceBound === true || secret === '' ? rest : { ...rest, secret };
}

/**
 * Back to an account: one without a secret gets `secret: ""` and
 * `needsVerification: true` (shown, but no code until a QR code or link supplies it).
 */
export function accountFromBackup(account: BackupAccount): Account {
  const { secret, ...rest } = account;
  return secret === undefined ? { ...rest, secret: '', needsVerification: true } : { ...rest, secret };
}
