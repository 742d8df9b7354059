import { aesCbcDecrypt, aesGcmDecrypt, argon2id256, CbcPaddingError, GcmAuthenticationError, pbkdf2 } from '../crypto';
import { decodeUtf8 } from '../encoding';
import { EntryCollector, EntryProblem, entryLabel } from '../entries';
import { DamagedFileError, PasswordRequiredError, WrongPasswordError } from '../errors';
import { asEntryObject, entryArray, isObject, optNumber, optText, parseJson, text, type JsonObject } from '../json';
import type { ImportResult } from '../result';

/* Stratum / Authenticator Pro backups: plain JSON, encrypted, legacy encrypted (docs/import-export-formats.md#stratum--authenticator-pro-authpro-json). */

const TYPES: Record<number, 'hotp' | 'totp' | 'steam'> = { 1: 'hotp', 2: 'totp', 4: 'steam' };
const UNSUPPORTED_TYPES: Record<number, string> = { 3: 'mOTP', 5: 'Yandex' };
const ALGORITHMS: Record<number, string> = { 0: 'SHA1', 1: 'SHA256', 2: 'SHA512' };

/** The app's constants; none is stored in the file. */
const CURRENT = { header: 'AUTHENTICATORPRO', saltBytes: 16, ivBytes: 12, argon2: { iterations: 3, parallelism: 4, memoryKiB: 64 * 1024 } };
const LEGACY = { header: 'AuthenticatorPro', saltBytes: 20, ivBytes: 16, pbkdf2Iterations: 64_000 };
const TAG_BYTES = 16;

export function looksLikeStratum(doc: unknown): doc is JsonObject {
  return isObject(doc) && Array.isArray(doc.Authenticators);
}

const startsWith = (bytes: Uint8Array, header: string): boolean =>
  bytes.length >= header.length && [...header].every((ch, i) => bytes[i] === ch.charCodeAt(0));

/** Which encrypted Stratum backup the bytes are, by their 16-byte ASCII header. */
export function stratumEncryption(bytes: Uint8Array): 'current' | 'legacy' | undefined {
  if (startsWith(bytes, CURRENT.header)) return 'current';
  if (startsWith(bytes, LEGACY.header)) return 'legacy';
  return undefined;
}

/** Reads a plain Stratum backup (the parsed JSON document). */
export function parseStratum(doc: JsonObject, encrypted = false): ImportResult {
  const collector = new EntryCollector();
  entryArray(doc.Authenticators, 'Stratum authenticator list').forEach((value, i) => {
    const raw = isObject(value) ? value : {};
    collector.add(entryLabel(raw.Issuer, raw.Username, `authenticator ${i + 1}`), () => {
      const entry = asEntryObject(value);
      const typeCode = optNumber(entry, 'Type');
      const type = typeCode === undefined ? undefined : TYPES[typeCode];
      if (type === undefined) {
        const name = typeCode === undefined ? 'untyped' : (UNSUPPORTED_TYPES[typeCode] ?? `type ${typeCode}`);
        throw new EntryProblem('unsupported-type', `Stratum ${name} authenticators are not supported (only TOTP, HOTP and Steam).`);
      }
      const algorithmCode = optNumber(entry, 'Algorithm') ?? 0;
      const algorithm = ALGORITHMS[algorithmCode];
      if (algorithm === undefined) throw new EntryProblem('algorithm/unsupported', `Unknown Stratum algorithm code ${algorithmCode}.`);
      return {
        type,
        issuer: optText(entry, 'Issuer'),
        accountName: optText(entry, 'Username'),
        secret: text(entry, 'Secret'),
        algorithm,
        digits: optNumber(entry, 'Digits'),
        period: type === 'hotp' ? undefined : optNumber(entry, 'Period'),
        counter: type === 'hotp' ? optNumber(entry, 'Counter') : undefined,
      };
    });
  });
  return { format: 'stratum', encrypted, ...collector.result() };
}

async function decryptCurrent(bytes: Uint8Array, password: string): Promise<Uint8Array> {
  const start = CURRENT.header.length;
  const salt = bytes.subarray(start, start + CURRENT.saltBytes);
  const iv = bytes.subarray(start + CURRENT.saltBytes, start + CURRENT.saltBytes + CURRENT.ivBytes);
  const body = bytes.subarray(start + CURRENT.saltBytes + CURRENT.ivBytes);
  const { iterations, parallelism, memoryKiB } = CURRENT.argon2;
  const key = await argon2id256(password, salt, iterations, parallelism, memoryKiB);
  try {
    return await aesGcmDecrypt(key, iv, body);
  } catch (cause) {
    if (!(cause instanceof GcmAuthenticationError)) throw cause;
    throw new WrongPasswordError('The password does not open this Stratum backup (or the file is damaged).', { cause });
  }
}

async function decryptLegacy(bytes: Uint8Array, password: string): Promise<Uint8Array> {
  const start = LEGACY.header.length;
  const salt = bytes.subarray(start, start + LEGACY.saltBytes);
  const iv = bytes.subarray(start + LEGACY.saltBytes, start + LEGACY.saltBytes + LEGACY.ivBytes);
  const body = bytes.subarray(start + LEGACY.saltBytes + LEGACY.ivBytes);
  const key = await pbkdf2(password, salt, LEGACY.pbkdf2Iterations, 'SHA-1');
  try {
    return await aesCbcDecrypt(key, iv, body);
  } catch (cause) {
    if (!(cause instanceof CbcPaddingError)) throw cause;
    throw new WrongPasswordError('The password does not open this Stratum backup (or the file is damaged).', { cause });
  }
}

/** Reads an encrypted Stratum backup, current (Argon2id + AES-GCM) or legacy (PBKDF2 + AES-CBC). */
export async function parseStratumEncrypted(bytes: Uint8Array, password: string | undefined): Promise<ImportResult> {
  const kind = stratumEncryption(bytes);
  const minimum =
    kind === 'current' ? CURRENT.header.length + CURRENT.saltBytes + CURRENT.ivBytes + TAG_BYTES : LEGACY.header.length + LEGACY.saltBytes + LEGACY.ivBytes + 16;
  if (kind === undefined || bytes.length < minimum || (kind === 'legacy' && (bytes.length - (minimum - 16)) % 16 !== 0)) {
    throw new DamagedFileError('The encrypted Stratum backup is cut short or its length is not whole cipher blocks.');
  }
  if (password === undefined || password === '') throw new PasswordRequiredError('Stratum (Authenticator Pro)');
  const plaintext = kind === 'current' ? await decryptCurrent(bytes, password) : await decryptLegacy(bytes, password);
  const json = decodeUtf8(plaintext);
  // Legacy CBC has no tag: a wrong password usually fails the padding, else shows here.
  const wrongOrDamaged = (): WrongPasswordError | DamagedFileError =>
    kind === 'legacy'
      ? new WrongPasswordError('The password does not open this Stratum backup (or the file is damaged).')
      : new DamagedFileError('The password is right but the decrypted Stratum backup is not its JSON: the file is damaged.');
  if (json === undefined || !json.trimStart().startsWith('{')) throw wrongOrDamaged();
  const doc = parseJson(json, 'decrypted Stratum backup');
  if (!looksLikeStratum(doc)) throw wrongOrDamaged();
  return parseStratum(doc, true);
}
