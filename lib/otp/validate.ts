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

/** The generator fields of a draft, checked and canonical (what the codes depend on). */
type Generator = Pick<AccountDraft, 'secret' | 'type' | 'algorithm' | 'digits' | 'period' | 'counter'>;

/** Runs `check`; an {@link InvalidAccountError} becomes one entry of `errors` (and `undefined`). */
function collect<T>(errors: InvalidAccountError[], check: () => T): T | undefined {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof InvalidAccountError)) throw error;
    errors.push(error);
    return undefined;
  }
}

/**
 * Every problem of a draft at once, in the order a form shows its fields (names,
 * secret, then the advanced ones): a form marks them all, not one per submit.
 * Empty when {@link validateDraft} would accept the draft.
 */
export function draftProblems(input: LooseDraft): InvalidAccountError[] {
  const errors: InvalidAccountError[] = [];
  checkDraft(input, errors);
  return errors;
}

function checkDraft(input: LooseDraft, errors: InvalidAccountError[]): (Generator & { issuer: string; accountName: string }) | null {
  const names = collect(errors, () => validateNames(input));
  const secret = collect(errors, () => {
    if (typeof input.secret !== 'string') throw new InvalidAccountError('secret', 'required', 'The secret is missing.');
    return normalizeSecret(input.secret);
  });
  const type = collect(errors, () => {
    const parsed = OtpType.safeParse(input.type ?? DRAFT_DEFAULTS.type);
    if (!parsed.success) throw new InvalidAccountError('type', 'unsupported', `Unsupported type "${String(input.type)}": use TOTP, HOTP or Steam.`);
    return parsed.data;
  });
  const algorithm = collect(errors, () => {
    const parsed = HashAlgorithm.safeParse(
      typeof input.algorithm === 'string' ? input.algorithm.toUpperCase().replace('-', '') : (input.algorithm ?? DRAFT_DEFAULTS.algorithm),
    );
    if (!parsed.success) throw new InvalidAccountError('algorithm', 'unsupported', `Unsupported algorithm "${String(input.algorithm)}": use SHA1, SHA256 or SHA512.`);
    return parsed.data;
  });
  const isSteam = type === 'steam';
  const digits = collect(errors, () =>
    isSteam
      ? integerIn(input.digits ?? LIMITS.steamDigits, 'digits', LIMITS.steamDigits, LIMITS.steamDigits)
      : integerIn(input.digits ?? DRAFT_DEFAULTS.digits, 'digits', LIMITS.minDigits, LIMITS.maxDigits),
  );
  // Each type keeps only its own moving factor: the other one is not checked (a form hides it).
  const period = type === 'hotp' ? DRAFT_DEFAULTS.period : collect(errors, () => integerIn(input.period ?? DRAFT_DEFAULTS.period, 'period', LIMITS.minPeriodSeconds, LIMITS.maxPeriodSeconds));
  const counter = type === 'hotp' ? collect(errors, () => integerIn(input.counter ?? DRAFT_DEFAULTS.counter, 'counter', 0, Number.MAX_SAFE_INTEGER)) : 0;
  if (!names || secret === undefined || !type || !algorithm || digits === undefined || period === undefined || counter === undefined) return null;
  // Steam Guard is defined over SHA1; anything else would give codes Steam rejects.
  return { ...names, secret, type, algorithm: isSteam ? 'SHA1' : algorithm, digits, period, counter };
}

/**
 * Validates and canonicalises an account draft. The single gate every new or
 * edited account passes through (manual entry, links, QR codes, imports, restores).
 * Throws {@link InvalidAccountError} naming the first bad field ({@link draftProblems} lists them all).
 */
export function validateDraft(input: LooseDraft): AccountDraft {
  const errors: InvalidAccountError[] = [];
  const checked = checkDraft(input, errors);
  if (!checked) throw errors[0] as InvalidAccountError;
  const draft: AccountDraft = checked;
  if (input.sites !== undefined) {
    // Sites given with a draft (a scanned page's domain, an import) are normalised
    // like the ones typed in the options page; a bad one is refused, not dropped.
    const sites = normalizeSiteList(input.sites, 'domain');
    if (sites.length > 0) draft.sites = sites;
  }
  if (input.deviceBound === true) draft.deviceBound = true;
  return draft;
}
