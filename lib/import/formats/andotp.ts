import { EntryCollector, EntryProblem, entryLabel } from '../entries';
import { aesGcmDecrypt, GcmAuthenticationError, pbkdf2, sha256 } from '../crypto';
import { decodeUtf8, encodeUtf8 } from '../encoding';
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

/**
 * Issuer and name of an old andOTP account, which has no `issuer`: its label is
 * "Issuer - Issuer:name", "Issuer:name" or just a name.
 */
function oldLabelNames(label: string): { issuer: string; accountName: string } {
  const dash = label.indexOf(' - ');
  if (dash >= 0) {
    const issuer = label.slice(0, dash).trim();
    const rest = label.slice(dash + 3);
    return { issuer, accountName: rest.startsWith(`${issuer}:`) ? rest.slice(issuer.length + 1) : rest };
  }
  const colon = label.indexOf(':');
  return colon >= 0 ? { issuer: label.slice(0, colon), accountName: label.slice(colon + 1) } : { issuer: '', accountName: label };
}

/** Reads andOTP's plain backup (the parsed JSON array). `oldLabels`: the old format's "Issuer - Issuer:name" labels. */
export function parseAndOtpPlain(doc: unknown, encrypted = false, oldLabels = false): ImportResult {
  const collector = new EntryCollector();
  entryArray(doc, 'andOTP account list').forEach((value, i) => {
    const raw = isObject(value) ? value : {};
    collector.add(entryLabel(raw.issuer, raw.label, `entry ${i + 1}`), () => {
      const entry = asEntryObject(value);
      const label = optText(entry, 'label');
      const names = oldLabels && optText(entry, 'issuer') === undefined && label !== undefined ? oldLabelNames(label) : { issuer: optText(entry, 'issuer'), accountName: label };
      const typeName = text(entry, 'type');
      const type = TYPES[typeName.toUpperCase()];
      if (type === undefined) throw new EntryProblem('unsupported-type', `andOTP "${typeName.slice(0, 20)}" accounts are not supported (only TOTP, HOTP and Steam).`);
      return {
        type,
        ...names,
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

const OLD_IV_BYTES = 12;

/** Magic numbers of common files people pick by mistake (PNG, JPEG, GIF, PDF, gzip, 7z, RAR, ELF): never an andOTP backup. */
const OTHER_FILE_MAGICS = [[0x89, 0x50, 0x4e, 0x47], [0xff, 0xd8, 0xff], [0x47, 0x49, 0x46, 0x38], [0x25, 0x50, 0x44, 0x46], [0x1f, 0x8b], [0x37, 0x7a, 0xbc, 0xaf], [0x52, 0x61, 0x72, 0x21], [0x7f, 0x45, 0x4c, 0x46]];

/** Binary of no other format, sized like an old andOTP backup (which has no header to recognise). */
export function mayBeAndOtpOld(bytes: Uint8Array): boolean {
  if (OTHER_FILE_MAGICS.some((magic) => magic.every((byte, i) => bytes[i] === byte))) return false;
  return bytes.length >= IMPORT_LIMITS.minAndOtpOldBytes && bytes.length <= IMPORT_LIMITS.maxAndOtpOldBytes;
}

/**
 * Reads andOTP's old encrypted backup: IV (12) ‖ AES-256-GCM ciphertext+tag, key
 * SHA-256(password). Nothing in the file says it is one, so both errors say "may".
 */
export async function parseAndOtpOld(bytes: Uint8Array, password: string | undefined): Promise<ImportResult> {
  if (password === undefined || password === '') {
    throw new PasswordRequiredError('andOTP', 'This binary file matches no export we know by its content. If it is an old andOTP backup (otp_accounts.json.aes), enter its password; otherwise it is not an export we know.');
  }
  const key = await sha256(encodeUtf8(password));
  let plaintext: Uint8Array;
  try {
    plaintext = await aesGcmDecrypt(key, bytes.subarray(0, OLD_IV_BYTES), bytes.subarray(OLD_IV_BYTES));
  } catch (cause) {
    if (!(cause instanceof GcmAuthenticationError)) throw cause;
    throw new WrongPasswordError('The password does not open this file as an old andOTP backup (or the file is damaged, or is not an export we know).', { cause });
  }
  const json = decodeUtf8(plaintext);
  if (json === undefined) throw new DamagedFileError('The decrypted andOTP backup is not UTF-8 text.');
  return parseAndOtpPlain(parseJson(json, 'decrypted andOTP backup'), true, true);
}
