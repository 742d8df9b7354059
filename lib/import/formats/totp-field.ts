import { parseOtpUri } from '../../otp/uri';
import type { LooseDraft } from '../../otp/validate';

/** Issuer Hikae gives Steam accounts whose file names no service (as Steam's own files do). */
export const STEAM_ISSUER = 'Steam';

/**
 * The draft of a password manager's TOTP field, which takes three forms: an
 * `otpauth://` URI, `steam://SECRET`, or a bare base32 secret (TOTP/SHA1/6/30).
 * `fallback` fills an issuer or account name the field itself lacks.
 * Throws InvalidAccountError for a bad URI or secret.
 */
export function totpFieldToDraft(field: string, fallback: { issuer: string; accountName: string }): LooseDraft {
  const value = field.trim();
  if (/^otpauth:\/\//i.test(value)) {
    const draft = parseOtpUri(value);
    return {
      ...draft,
      issuer: draft.issuer !== '' ? draft.issuer : fallback.issuer,
      accountName: draft.accountName !== '' ? draft.accountName : fallback.accountName,
    };
  }
  const steam = /^steam:\/\/(.*)$/i.exec(value);
  if (steam) {
    return {
      type: 'steam',
      issuer: STEAM_ISSUER,
      accountName: fallback.accountName !== '' ? fallback.accountName : fallback.issuer,
      secret: (steam[1] ?? '').replace(/\/+$/, ''),
    };
  }
  return { type: 'totp', issuer: fallback.issuer, accountName: fallback.accountName, secret: value };
}
