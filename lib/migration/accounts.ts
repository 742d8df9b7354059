import type { AccountDraft } from '../otp/account';
import { secretBytes, secretFromBytes } from '../otp/secret';
import type { LooseDraft } from '../otp/validate';
import { EntryProblem } from '../import/entries';
import { MIGRATION_ALGORITHM, MIGRATION_DIGITS, MIGRATION_OTP_TYPE, type MigrationOtpParameters } from './schema';

/** Google Authenticator has no period field: every TOTP account uses 30 s. */
export const MIGRATION_PERIOD_SECONDS = 30;

const ALGORITHMS: Record<number, 'SHA1' | 'SHA256' | 'SHA512'> = {
  [MIGRATION_ALGORITHM.unspecified]: 'SHA1',
  [MIGRATION_ALGORITHM.SHA1]: 'SHA1',
  [MIGRATION_ALGORITHM.SHA256]: 'SHA256',
  [MIGRATION_ALGORITHM.SHA512]: 'SHA512',
};

/**
 * The loose draft of one account of a migration payload (validateDraft does the rest).
 * Throws EntryProblem for what our model cannot hold (MD5, unknown enum values).
 */
export function otpParametersToDraft(otp: MigrationOtpParameters): LooseDraft {
  const algorithm = ALGORITHMS[otp.algorithm];
  if (algorithm === undefined) {
    const name = otp.algorithm === MIGRATION_ALGORITHM.MD5 ? 'MD5' : `number ${otp.algorithm}`;
    throw new EntryProblem('algorithm/unsupported', `Unsupported algorithm ${name}: use SHA1, SHA256 or SHA512.`);
  }
  let digits: number;
  if (otp.digits === MIGRATION_DIGITS.unspecified || otp.digits === MIGRATION_DIGITS.six) digits = 6;
  else if (otp.digits === MIGRATION_DIGITS.eight) digits = 8;
  else throw new EntryProblem('digits/unsupported', `Unknown digit count value ${otp.digits}.`);
  let type: 'totp' | 'hotp';
  if (otp.type === MIGRATION_OTP_TYPE.unspecified || otp.type === MIGRATION_OTP_TYPE.totp) type = 'totp';
  else if (otp.type === MIGRATION_OTP_TYPE.hotp) type = 'hotp';
  else throw new EntryProblem('type/unsupported', `Unknown OTP type value ${otp.type}.`);

  if (otp.secret.length === 0) throw new EntryProblem('secret/required', 'The secret is empty.');
  const issuer = otp.issuer;
  let accountName = otp.name;
  const colon = accountName.indexOf(':');
  if (colon >= 0) {
    const prefix = accountName.slice(0, colon).trim();
    // Google writes the whole label into `name`; drop an "Issuer:" prefix it repeats. Without an
    // issuer the name stays whole: "encoding: ¿äÄéÉ? (demo)" is a name, not issuer "encoding".
    if (issuer.trim() !== '' && prefix === issuer.trim()) accountName = accountName.slice(colon + 1);
  }
  return {
    issuer,
    accountName,
    secret: secretFromBytes(otp.secret),
    type,
    algorithm,
    digits,
    period: MIGRATION_PERIOD_SECONDS,
    counter: type === 'hotp' ? otp.counter : undefined,
  };
}

/** Why an account cannot be written into a Google Authenticator payload. */
export interface NotRepresentable {
  code: 'type/unsupported' | 'digits/unsupported' | 'period/unsupported';
  message: string;
}

/** The payload record of an account, or why Google Authenticator cannot hold it. */
export function draftToOtpParameters(
  account: AccountDraft,
): { ok: true; value: MigrationOtpParameters } | { ok: false; reason: NotRepresentable } {
  if (account.type === 'steam') {
    return { ok: false, reason: { code: 'type/unsupported', message: 'Google Authenticator has no Steam accounts.' } };
  }
  if (account.digits !== 6 && account.digits !== 8) {
    return { ok: false, reason: { code: 'digits/unsupported', message: `Google Authenticator shows 6 or 8 digits, not ${account.digits}.` } };
  }
  if (account.type === 'totp' && account.period !== MIGRATION_PERIOD_SECONDS) {
    return { ok: false, reason: { code: 'period/unsupported', message: `Google Authenticator uses 30-second codes, not ${account.period}-second ones.` } };
  }
  return {
    ok: true,
    value: {
      secret: secretBytes(account.secret),
      name: account.accountName,
      issuer: account.issuer,
      algorithm: MIGRATION_ALGORITHM[account.algorithm],
      digits: account.digits === 8 ? MIGRATION_DIGITS.eight : MIGRATION_DIGITS.six,
      type: account.type === 'hotp' ? MIGRATION_OTP_TYPE.hotp : MIGRATION_OTP_TYPE.totp,
      counter: account.type === 'hotp' ? account.counter : 0,
    },
  };
}
