import { AccountDraft, DRAFT_DEFAULTS, HashAlgorithm, LIMITS, OtpType } from './account';
import { normalizeSiteList } from '../autofill/site-entry';
import { InvalidAccountError, type AccountField } from './errors';
import { normalizeSecret } from './secret';

// C0 and C1 control characters and the line/paragraph separators: never part of a name,
// and a way to forge layout in the UI.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function cleanText(value: string, field: AccountField): string {
  const text = value.trim().normalize('NFC');
  if (text.length > LIMITS.maxTextLength) {
    throw new InvalidAccountError(field, 'too-long', `${field} is longer than ${LIMITS.maxTextLength} characters.`);
  }
  if (CONTROL.test(text)) {
    throw new InvalidAccountError(field, 'control-characters', `${field} contains control characters.`);
  }
  return text;
}

function integerIn(value: unknown, field: AccountField, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new InvalidAccountError(field, 'not-an-integer', `${field} must be a whole number.`);
  }
  if (value < min || value > max) {
    throw new InvalidAccountError(field, 'out-of-range', `${field} must be between ${min} and ${max}, not ${value}.`);
  }
  return value;
}

/**
 * Checks and canonicalises the names of an account: trimmed, NFC, bounded, no
 * control characters, and not both empty. Throws {@link InvalidAccountError}.
 */
export function validateNames(input: { issuer?: unknown; accountName?: unknown }): { issuer: string; accountName: string } {
  const issuer = cleanText(typeof input.issuer === 'string' ? input.issuer : '', 'issuer');
  const accountName = cleanText(typeof input.accountName === 'string' ? input.accountName : '', 'accountName');
  if (issuer === '' && accountName === '') {
    throw new InvalidAccountError('accountName', 'required', 'Give the account a name (or at least an issuer).');
  }
  return { issuer, accountName };
}

/** Input as it arrives from a form, a link or an importer: anything may be missing or wrong. */
export type LooseDraft = Partial<Record<keyof AccountDraft, unknown>>;

/**
 * Validates and canonicalises an account draft. The single gate every new or
 * edited account passes through (manual entry, links, QR codes, imports, restores).
 * Throws {@link InvalidAccountError} naming the first bad field.
 */
export function validateDraft(input: LooseDraft): AccountDraft {
  const type = OtpType.safeParse(input.type ?? DRAFT_DEFAULTS.type);
  if (!type.success) {
    throw new InvalidAccountError('type', 'unsupported', `Unsupported type "${String(input.type)}": use TOTP, HOTP or Steam.`);
  }
  const algorithm = HashAlgorithm.safeParse(
    typeof input.algorithm === 'string' ? input.algorithm.toUpperCase().replace('-', '') : (input.algorithm ?? DRAFT_DEFAULTS.algorithm),
  );
  if (!algorithm.success) {
    throw new InvalidAccountError('algorithm', 'unsupported', `Unsupported algorithm "${String(input.algorithm)}": use SHA1, SHA256 or SHA512.`);
  }
  const { issuer, accountName } = validateNames(input);
  if (typeof input.secret !== 'string') {
    throw new InvalidAccountError('secret', 'required', 'The secret is missing.');
  }
  const secret = normalizeSecret(input.secret);

  const isSteam = type.data === 'steam';
  const digits = isSteam
    ? integerIn(input.digits ?? LIMITS.steamDigits, 'digits', LIMITS.steamDigits, LIMITS.steamDigits)
    : integerIn(input.digits ?? DRAFT_DEFAULTS.digits, 'digits', LIMITS.minDigits, LIMITS.maxDigits);
  const period = integerIn(input.period ?? DRAFT_DEFAULTS.period, 'period', LIMITS.minPeriodSeconds, LIMITS.maxPeriodSeconds);
  const counter = integerIn(input.counter ?? DRAFT_DEFAULTS.counter, 'counter', 0, Number.MAX_SAFE_INTEGER);

  const draft: AccountDraft = {
    issuer,
    accountName,
    secret,
    type: type.data,
    // Steam Guard is defined over SHA1; anything else would give codes Steam rejects.
    algorithm: isSteam ? 'SHA1' : algorithm.data,
    digits,
    // Each type keeps only its own moving factor, so equal accounts compare equal
    // whatever a source wrote in the other field.
    period: type.data === 'hotp' ? DRAFT_DEFAULTS.period : period,
    counter: type.data === 'hotp' ? counter : 0,
  };
  if (input.sites !== undefined) {
    // Sites given with a draft (a scanned page's domain, an import) are normalised
    // like the ones typed in the options page; a bad one is refused, not dropped.
    const sites = normalizeSiteList(input.sites, 'domain');
    if (sites.length > 0) draft.sites = sites;
  }
  if (input.deviceBound === true) draft.deviceBound = true;
  return draft;
}
