import { InvalidAccountError } from '../../otp/errors';
import { parseOtpUri } from '../../otp/uri';
import type { LooseDraft } from '../../otp/validate';

/** Issuer Hikae gives Steam accounts whose file names no service (as Steam's own files do). */
export const STEAM_ISSUER = 'Steam';

/**
 * parseOtpUri refuses a link with neither issuer nor account name; a password manager's
 * item supplies them, so such a link is read again with the item's names as its label.
 */
function parseNamedUri(uri: string, fallback: { issuer: string; accountName: string }): LooseDraft {
  try {
    return parseOtpUri(uri);
  } catch (error) {
    const parts = /^(otpauth:\/\/[^/?#]*\/)[^?#]*(.*)$/is.exec(uri);
    if (!(error instanceof InvalidAccountError && error.field === 'accountName' && error.problem === 'required') || !parts) throw error;
    const label = fallback.issuer !== '' ? `${encodeURIComponent(fallback.issuer)}:${encodeURIComponent(fallback.accountName)}` : encodeURIComponent(fallback.accountName);
    return parseOtpUri(`${parts[1]}${label}${parts[2]}`);
  }
}

/**
 * The draft of a password manager's TOTP field, which takes three forms: an
 * `otpauth://` URI, `steam://SECRET`, or a bare base32 secret (TOTP/SHA1/6/30).
 * `fallback` fills an issuer or account name the field itself lacks.
 * Throws InvalidAccountError for a bad URI or secret.
 */
export function totpFieldToDraft(field: string, fallback: { issuer: string; accountName: string }): LooseDraft {
  const value = field.trim();
  if (/^otpauth:\/\//i.test(value)) {
    const draft = parseNamedUri(value, fallback);
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
