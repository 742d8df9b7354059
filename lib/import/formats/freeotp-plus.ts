import { secretFromBytes } from '../../otp/secret';
import { EntryCollector, EntryProblem, entryLabel } from '../entries';
import { entryArray, asEntryObject, isObject, optNumber, optText, text, type JsonObject } from '../json';
import type { ImportResult } from '../result';
import { STEAM_ISSUER } from './totp-field';

/* FreeOTP+ JSON backup (docs/import-export-formats.md#freeotp). */

export function looksLikeFreeOtpPlus(doc: unknown): doc is JsonObject {
  return isObject(doc) && Array.isArray(doc.tokens);
}

/** FreeOTP keeps key bytes as a JSON array of signed (Java) bytes. */
function secretOf(token: JsonObject): string {
  const bytes = token.secret;
  if (!Array.isArray(bytes) || bytes.length === 0) throw new EntryProblem('secret/required', 'The secret is missing or empty.');
  if (bytes.length > 640) throw new EntryProblem('secret/too-long', 'The secret is longer than 640 bytes.');
  if (!bytes.every((b): b is number => typeof b === 'number' && Number.isInteger(b) && b >= -128 && b <= 255)) {
    throw new EntryProblem('secret/malformed', 'The secret is not a list of bytes.');
  }
  return secretFromBytes(Uint8Array.from(bytes, (b) => b & 0xff));
}

/** Position of each token in `tokenOrder` ("issuer:label"), when that list names the tokens. */
function displayOrder(doc: JsonObject, tokens: unknown[]): number[] {
  const order = doc.tokenOrder;
  const fileOrder = tokens.map((_, i) => i);
  if (!Array.isArray(order)) return fileOrder;
  const keyOf = (token: unknown): string | undefined => {
    if (!isObject(token) || typeof token.label !== 'string') return undefined;
    const issuer = typeof token.issuerInt === 'string' ? token.issuerInt : typeof token.issuerExt === 'string' ? token.issuerExt : '';
    return issuer !== '' ? `${issuer}:${token.label}` : token.label;
  };
  const rank = new Map<string, number>();
  order.forEach((key, i) => {
    if (typeof key === 'string' && !rank.has(key)) rank.set(key, i);
  });
  const ranks = tokens.map((token) => rank.get(keyOf(token) ?? '') ?? Number.POSITIVE_INFINITY);
  return fileOrder.sort((a, b) => (ranks[a] ?? 0) - (ranks[b] ?? 0) || a - b);
}

/**
 * Reads a FreeOTP+ backup (the parsed JSON document); FreeOTP's own `tokens.xml` has
 * the same tokens and order list, so its reader passes them here as one document.
 */
export function parseFreeOtpPlus(doc: JsonObject, format: 'freeotp-plus' | 'freeotp' = 'freeotp-plus'): ImportResult {
  const tokens = entryArray(doc.tokens, 'FreeOTP+ token list');
  const collector = new EntryCollector();
  for (const i of displayOrder(doc, tokens)) {
    const value = tokens[i];
    const raw = isObject(value) ? value : {};
    collector.add(entryLabel(raw.issuerExt, raw.label, `token ${i + 1}`), () => {
      const token = asEntryObject(value);
      const typeName = text(token, 'type').toUpperCase();
      const issuer = optText(token, 'issuerExt') ?? optText(token, 'issuerInt');
      const digits = optNumber(token, 'digits');
      let type: 'totp' | 'hotp' | 'steam';
      if (typeName === 'HOTP') type = 'hotp';
      else if (typeName === 'STEAM' || (typeName === 'TOTP' && issuer === STEAM_ISSUER && digits === 5)) type = 'steam';
      else if (typeName === 'TOTP') type = 'totp';
      else throw new EntryProblem('unsupported-type', `FreeOTP "${typeName.slice(0, 20)}" tokens are not supported (only TOTP, HOTP and Steam).`);
      const counter = optNumber(token, 'counter');
      return {
        type,
        issuer,
        accountName: optText(token, 'label'),
        secret: secretOf(token),
        algorithm: optText(token, 'algo'),
        digits,
        period: optNumber(token, 'period'),
        // FreeOTP stores the last counter used and adds 1 before making a code: ours is the next one.
        counter: type === 'hotp' && counter !== undefined ? counter + 1 : undefined,
      };
    });
  }
  return { format, encrypted: false, ...collector.result() };
}
