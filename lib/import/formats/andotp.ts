import { EntryCollector, EntryProblem, entryLabel } from '../entries';
import { aesGcmDecrypt, GcmAuthenticationError, pbkdf2 } from '../crypto';
import { decodeUtf8 } from '../encoding';
import { DamagedFileError, PasswordRequiredError, WrongPasswordError } from '../errors';
import { asEntryObject, entryArray, isObject, optNumber, optText, parseJson, text } from '../json';
import { IMPORT_LIMITS } from '../limits';
import type { ImportResult } from '../result';

/* andOTP backups: plain JSON, and the password-encrypted binary (docs/import-export-formats.md#andotp). */

const TYPES: Record<string, 'totp' | 'hotp' | 'steam'> = { TOTP: 'totp', HOTP: 'hotp', STEAM: 'steam' };
const ITERATIONS_BYTES = 4;
const SALT_BYTES = 12;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = ITERATIONS_BYTES + SALT_BYTES + IV_BYTES;

/** A JSON array of objects with `secret` and `type`: andOTP's plain backup. */
export function looksLikeAndOtp(doc: unknown): doc is unknown[] {
  return Array.isArray(doc) && (doc.length === 0 || doc.some((entry) => isObject(entry) && 'secret' in entry && 'type' in entry));
}

function iterationsOf(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, false);
}

/** Binary whose first four bytes are a plausible PBKDF2 iteration count and long enough for a tag. */
export function looksLikeAndOtpEncrypted(bytes: Uint8Array): boolean {
  if (bytes.length < HEADER_BYTES + TAG_BYTES) return false;
  const iterations = iterationsOf(bytes);
  return iterations >= IMPORT_LIMITS.minAndOtpIterations && iterations <= IMPORT_LIMITS.maxAndOtpIterations;
}

/** Reads andOTP's plain backup (the parsed JSON array). */
export function parseAndOtpPlain(doc: unknown, encrypted = false): ImportResult {
  const collector = new EntryCollector();
  entryArray(doc, 'andOTP account list').forEach((value, i) => {
    const raw = isObject(value) ? value : {};
    collector.add(entryLabel(raw.issuer, raw.label, `entry ${i + 1}`), () => {
      const entry = asEntryObject(value);
      const typeName = text(entry, 'type');
      const type = TYPES[typeName.toUpperCase()];
      if (type === undefined) throw new EntryProblem('unsupported-type', `andOTP "${typeName.slice(0, 20)}" accounts are not supported (only TOTP, HOTP and Steam).`);
      return {
        type,
        issuer: optText(entry, 'issuer'),
        accountName: optText(entry, 'label'),
        secret: text(entry, 'secret'),
        algorithm: optText(entry, 'algorithm'),
        digits: optNumber(entry, 'digits'),
        period: optNumber(entry, 'period'),
        counter: optNumber(entry, 'counter'),
      };
    });
  });
  return { format: 'andotp', encrypted, ...collector.result() };
}

/**
 * Reads andOTP's encrypted backup: iterations (uint32 BE) ‖ salt (12) ‖ IV (12) ‖
 * AES-256-GCM ciphertext+tag, key PBKDF2-HMAC-SHA1. Callers check
 * {@link looksLikeAndOtpEncrypted} first, so the iteration count is within limits.
 */
export async function parseAndOtpEncrypted(bytes: Uint8Array, password: string | undefined): Promise<ImportResult> {
  if (!looksLikeAndOtpEncrypted(bytes)) throw new DamagedFileError('The andOTP backup header is damaged.');
  if (password === undefined || password === '') throw new PasswordRequiredError('andOTP');
  const iterations = iterationsOf(bytes);
  const salt = bytes.subarray(ITERATIONS_BYTES, ITERATIONS_BYTES + SALT_BYTES);
  const iv = bytes.subarray(ITERATIONS_BYTES + SALT_BYTES, HEADER_BYTES);
  const key = await pbkdf2(password, salt, iterations, 'SHA-1');
  let plaintext: Uint8Array;
  try {
    plaintext = await aesGcmDecrypt(key, iv, bytes.subarray(HEADER_BYTES));
  } catch (cause) {
    if (!(cause instanceof GcmAuthenticationError)) throw cause;
    // andOTP stores no password check: a wrong password and altered bytes look the same to AES-GCM.
    throw new WrongPasswordError('The password does not open this andOTP backup (or the file is damaged).', { cause });
  }
  const json = decodeUtf8(plaintext);
  if (json === undefined) throw new DamagedFileError('The decrypted andOTP backup is not UTF-8 text.');
  return parseAndOtpPlain(parseJson(json, 'decrypted andOTP backup'), true);
}
