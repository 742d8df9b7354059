import { HOTP, Secret, TOTP } from 'otpauth';
import type { AccountDraft } from './account';
import { InvalidAccountError, type AccountField } from './errors';
import { validateDraft, type LooseDraft } from './validate';

/*
 * The Key URI format (otpauth://TYPE/LABEL?PARAMS), parsed strictly.
 *
 * Why not otpauth's URI.parse: it decodes parameters with decodeURIComponent, so
 * `issuer=Air+Canada` (as Aegis, 2FAS and Google's own exports write it) would come
 * out as "Air+Canada"; it knows no `steam` type; and it reports problems as free
 * text. Parameters here are decoded as application/x-www-form-urlencoded (WHATWG
 * URLSearchParams), which is how the format's producers encode them. Serialising
 * uses otpauth.
 */

const URI_SHAPE = /^otpauth:\/\/([^/?#]*)\/([^?#]*)(?:\?([^#]*))?(?:#.*)?$/i;
const DIGITS_ONLY = /^\d{1,16}$/;
const KNOWN_PARAMS = ['secret', 'issuer', 'algorithm', 'digits', 'period', 'counter', 'encoder'] as const;

function decodeLabel(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch (cause) {
    throw new InvalidAccountError('accountName', 'malformed', 'The label is not correctly percent-encoded.', { cause });
  }
}

function integerParam(value: string | undefined, field: AccountField): number | undefined {
  if (value === undefined) return undefined;
  if (!DIGITS_ONLY.test(value.trim())) {
    throw new InvalidAccountError(field, 'not-an-integer', `The '${field}' parameter must be a whole number, not "${value}".`);
  }
  return Number(value.trim());
}

/**
 * Parses an `otpauth://` link into a validated account draft.
 * Throws {@link InvalidAccountError} naming the field at fault
 * (`uri` when it is not an otpauth link at all).
 */
export function parseOtpUri(input: string): AccountDraft {
  const text = input.trim();
  if (!/^otpauth:\/\//i.test(text)) {
    throw new InvalidAccountError('uri', 'not-otpauth', 'This is not an otpauth:// link.');
  }
  const shape = URI_SHAPE.exec(text);
  if (!shape) {
    throw new InvalidAccountError('uri', 'malformed', 'The link is malformed: expected otpauth://TYPE/LABEL?secret=…');
  }
  const [, rawType = '', rawLabel = '', rawQuery = ''] = shape;

  const params = new URLSearchParams(rawQuery);
  const values: Partial<Record<(typeof KNOWN_PARAMS)[number], string>> = {};
  for (const name of KNOWN_PARAMS) {
    const all = params.getAll(name);
    if (all.length > 1) {
      throw new InvalidAccountError(name === 'encoder' ? 'type' : (name), 'malformed', `The '${name}' parameter appears ${all.length} times.`);
    }
    if (all.length === 1) values[name] = all[0];
  }

  let type = rawType.toLowerCase();
  if (values.encoder?.toLowerCase() === 'steam') type = 'steam';
  if (type !== 'totp' && type !== 'hotp' && type !== 'steam') {
    throw new InvalidAccountError('type', 'unsupported', `Unsupported type "${rawType}": expected totp, hotp or steam.`);
  }

  // Split before decoding: a literal ':' separates issuer and account, so an issuer
  // containing an encoded colon (%3A) stays whole. An encoded separator is taken
  // only when the issuer parameter confirms it; otherwise "%3A" is part of the name
  // (that is how an account name with a colon and no issuer is written).
  let separator = rawLabel.indexOf(':');
  let separatorLength = 1;
  if (separator < 0) {
    const encoded = rawLabel.search(/%3A/i);
    if (encoded >= 0 && values.issuer !== undefined && decodeLabel(rawLabel.slice(0, encoded)).trim() === values.issuer.trim()) {
      separator = encoded;
      separatorLength = 3;
    }
  }
  const labelIssuer = separator >= 0 ? decodeLabel(rawLabel.slice(0, separator)).trim() : '';
  const accountName = decodeLabel(separator >= 0 ? rawLabel.slice(separator + separatorLength) : rawLabel).trim();
  // The issuer parameter wins over the label prefix (Key URI format: "strongly recommended").
  const issuer = values.issuer !== undefined && values.issuer.trim() !== '' ? values.issuer : labelIssuer;

  if (values.secret === undefined || values.secret.trim() === '') {
    throw new InvalidAccountError('secret', 'required', "The 'secret' parameter is missing.");
  }
  const counter = integerParam(values.counter, 'counter');
  if (type === 'hotp' && counter === undefined) {
    throw new InvalidAccountError('counter', 'required', "An HOTP link needs a 'counter' parameter.");
  }

  const draft: LooseDraft = {
    type,
    issuer,
    accountName,
    secret: values.secret,
    algorithm: values.algorithm,
    digits: integerParam(values.digits, 'digits'),
    period: integerParam(values.period, 'period'),
    counter,
  };
  return validateDraft(draft);
}

/** Serialises an account to the Key URI format (issuer both in the label and as a parameter). */
export function toOtpUri(account: AccountDraft): string {
  const common = {
    issuer: account.issuer,
    label: account.accountName,
    issuerInLabel: account.issuer !== '',
    secret: Secret.fromBase32(account.secret),
    algorithm: account.algorithm,
    digits: account.digits,
  };
  if (account.type === 'hotp') return new HOTP({ ...common, counter: account.counter }).toString();
  const totp = new TOTP({ ...common, period: account.period }).toString();
  return account.type === 'steam' ? totp.replace(/^otpauth:\/\/totp\//, 'otpauth://steam/') : totp;
}
