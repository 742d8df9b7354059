import { secretFromBytes } from '../../otp/secret';
import { aesCbcDecrypt, CbcPaddingError, sha256 } from '../crypto';
import { decodeBase64, decodeHex, decodeUtf8, encodeUtf8 } from '../encoding';
import { EntryCollector, EntryProblem, entryLabel } from '../entries';
import { DamagedFileError, PasswordRequiredError, WrongPasswordError } from '../errors';
import { asEntryObject, entryArray, isObject, jsonDepth, optNumber, optText, text, type JsonObject } from '../json';
import { IMPORT_LIMITS } from '../limits';
import type { ImportResult } from '../result';

/* TOTP Authenticator (BinaryBoxes) encrypted backup (docs/import-export-formats.md#totp-authenticator-binaryboxes-encrypt). */

const ZERO_IV = new Uint8Array(16);
const BASE64_ONLY = /^[A-Za-z0-9+/\s]+={0,2}\s*$/;

/** Text that is nothing but base64 of whole AES blocks (at least two). */
export function looksLikeTotpAuthenticator(text: string): boolean {
  if (!BASE64_ONLY.test(text)) return false;
  const bytes = decodeBase64(text);
  return bytes !== undefined && bytes.length >= 32 && bytes.length % 16 === 0;
}

const wrongPassword = (cause?: unknown): WrongPasswordError =>
  new WrongPasswordError('The password does not open this TOTP Authenticator backup (or the file is damaged).', { cause });

/** The account list inside `{ "<JSON list>": "<timestamp>" }`; undefined when the plaintext is not that. */
function accountList(plaintext: Uint8Array): unknown[] | undefined {
  const json = decodeUtf8(plaintext);
  if (json === undefined || jsonDepth(json) > IMPORT_LIMITS.maxJsonDepth) return undefined;
  try {
    const outer: unknown = JSON.parse(json);
    const inner = isObject(outer) ? Object.keys(outer)[0] : undefined;
    if (inner === undefined || jsonDepth(inner) > IMPORT_LIMITS.maxJsonDepth) return undefined;
    const list: unknown = JSON.parse(inner);
    return Array.isArray(list) ? list : undefined;
  } catch {
    // CBC has no tag: text that is not this JSON is how a wrong password shows.
    return undefined;
  }
}

/** The secret: hex when `base` is 16, else base32 as written. */
function secretOf(entry: JsonObject): string {
  const key = text(entry, 'key');
  if (optNumber(entry, 'base') !== 16) return key;
  const bytes = decodeHex(key);
  if (bytes === undefined || bytes.length === 0) throw new EntryProblem('secret/malformed', 'The key is not hexadecimal.');
  return secretFromBytes(bytes);
}

/** A number the app writes as text ("6"); undefined when absent. */
function numberText(entry: JsonObject, key: string): number | undefined {
  const value = entry[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value)) throw new EntryProblem('malformed', `The field "${key}" is not a number.`);
  return Number(value);
}

/** Reads a TOTP Authenticator backup: base64 of AES-256-CBC, key SHA-256(password), zero IV. */
export async function parseTotpAuthenticator(fileText: string, password: string | undefined): Promise<ImportResult> {
  const ciphertext = decodeBase64(fileText);
  if (ciphertext === undefined || ciphertext.length < 32 || ciphertext.length % 16 !== 0) {
    throw new DamagedFileError('The TOTP Authenticator backup is not base64 of whole cipher blocks.');
  }
  if (password === undefined || password === '') throw new PasswordRequiredError('TOTP Authenticator');
  let plaintext: Uint8Array;
  try {
    plaintext = await aesCbcDecrypt(await sha256(encodeUtf8(password)), ZERO_IV, ciphertext);
  } catch (cause) {
    if (!(cause instanceof CbcPaddingError)) throw cause;
    throw wrongPassword(cause);
  }
  const list = accountList(plaintext);
  if (list === undefined) throw wrongPassword();
  const collector = new EntryCollector();
  entryArray(list, 'TOTP Authenticator account list').forEach((value, i) => {
    const raw = isObject(value) ? value : {};
    collector.add(entryLabel(raw.issuer, raw.name, `account ${i + 1}`), () => {
      const entry = asEntryObject(value);
      // The app makes only TOTP with SHA1.
      return {
        type: 'totp',
        issuer: optText(entry, 'issuer'),
        accountName: optText(entry, 'name'),
        secret: secretOf(entry),
        algorithm: 'SHA1',
        digits: numberText(entry, 'digits'),
        period: numberText(entry, 'period'),
      };
    });
  });
  return { format: 'totp-authenticator', encrypted: true, ...collector.result() };
}
