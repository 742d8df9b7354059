import { EntryCollector, EntryProblem, entryLabel } from '../entries';
import { aesGcmDecrypt, GcmAuthenticationError, pbkdf2 } from '../crypto';
import { decodeBase64, decodeUtf8 } from '../encoding';
import { DamagedFileError, PasswordRequiredError, WrongPasswordError } from '../errors';
import { asEntryObject, entryArray, isObject, object, optNumber, optText, parseJson, text, type JsonObject } from '../json';
import type { ImportResult } from '../result';

/* 2FAS `.2fas` backup, plain or encrypted (docs/import-export-formats.md#2fas). */

/** PBKDF2-HMAC-SHA256 iterations 2FAS uses; not stored in the file. */
const TWOFAS_PBKDF2_ITERATIONS = 10_000;
const NEWEST_KNOWN_SCHEMA = 4;

const TOKEN_TYPES: Record<string, 'totp' | 'hotp' | 'steam'> = { TOTP: 'totp', HOTP: 'hotp', STEAM: 'steam' };

export function looksLikeTwoFas(doc: unknown): doc is JsonObject {
  return isObject(doc) && 'schemaVersion' in doc && ('services' in doc || 'servicesEncrypted' in doc);
}

interface Sealed {
  ciphertext: Uint8Array;
  salt: Uint8Array;
  iv: Uint8Array;
}

/** "CIPHERTEXT:SALT:IV", each base64. */
function sealed(value: string, field: string): Sealed {
  const parts = value.split(':').map((part) => decodeBase64(part));
  const [ciphertext, salt, iv] = parts;
  if (parts.length !== 3 || ciphertext === undefined || salt === undefined || iv === undefined) {
    throw new DamagedFileError(`The 2FAS field "${field}" is not three base64 parts (ciphertext:salt:iv).`);
  }
  if (ciphertext.length < 16 || salt.length === 0 || salt.length > 1024 || iv.length !== 12) {
    throw new DamagedFileError(`The 2FAS field "${field}" has a ${ciphertext.length}-byte ciphertext, ${salt.length}-byte salt and ${iv.length}-byte IV; expected at least 16, 1–1024 and 12.`);
  }
  return { ciphertext, salt, iv };
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((byte, i) => byte === b[i]);

async function decryptServices(doc: JsonObject, encrypted: string, password: string | undefined): Promise<unknown> {
  const services = sealed(encrypted, 'servicesEncrypted');
  const reference = typeof doc.reference === 'string' ? sealed(doc.reference, 'reference') : undefined;
  if (password === undefined || password === '') throw new PasswordRequiredError('2FAS');

  const key = await pbkdf2(password, services.salt, TWOFAS_PBKDF2_ITERATIONS, 'SHA-256');
  if (reference !== undefined) {
    // The reference is a fixed text under the same password: if it opens, the password is right.
    const referenceKey = sameBytes(reference.salt, services.salt) ? key : await pbkdf2(password, reference.salt, TWOFAS_PBKDF2_ITERATIONS, 'SHA-256');
    try {
      await aesGcmDecrypt(referenceKey, reference.iv, reference.ciphertext);
    } catch (cause) {
      if (!(cause instanceof GcmAuthenticationError)) throw cause;
      throw new WrongPasswordError('The password does not open this 2FAS backup.', { cause });
    }
  }
  let plaintext: Uint8Array;
  try {
    plaintext = await aesGcmDecrypt(key, services.iv, services.ciphertext);
  } catch (cause) {
    if (!(cause instanceof GcmAuthenticationError)) throw cause;
    if (reference !== undefined) throw new DamagedFileError('The password is right but the 2FAS accounts do not decrypt: the file is damaged.', { cause });
    throw new WrongPasswordError('The password does not open this 2FAS backup (or the file is damaged).', { cause });
  }
  const json = decodeUtf8(plaintext);
  if (json === undefined) throw new DamagedFileError('The decrypted 2FAS accounts are not UTF-8 text.');
  return parseJson(json, 'decrypted 2FAS account list');
}

/** The app's display position; entries without one keep their file order after those with one. */
function position(value: unknown): number {
  const order = isObject(value) && isObject(value.order) ? value.order.position : undefined;
  return typeof order === 'number' && Number.isFinite(order) ? order : Number.POSITIVE_INFINITY;
}

/**
 * An encrypted backup whose "servicesEncrypted" key is damaged (a flipped byte) would
 * otherwise read as a plain one with no accounts: its "reference" (only encrypted
 * backups have one), or a key that differs from "servicesEncrypted" only in case, says
 * it was encrypted.
 */
function refuseLostEncryptedField(doc: JsonObject): void {
  const lookalike = Object.keys(doc).find((key) => key !== 'servicesEncrypted' && key.toLowerCase() === 'servicesencrypted');
  if (lookalike !== undefined) {
    throw new DamagedFileError(`The 2FAS backup is damaged: it has "${lookalike}" where its encrypted accounts ("servicesEncrypted") should be.`);
  }
  if (typeof doc.reference === 'string' && doc.reference !== '' && Array.isArray(doc.services) && doc.services.length === 0) {
    throw new DamagedFileError('The 2FAS backup is damaged: it is marked as encrypted (it has a password "reference") but its encrypted accounts ("servicesEncrypted") are missing.');
  }
}

/** Reads a 2FAS backup (the parsed JSON document). */
export async function parseTwoFas(doc: JsonObject, password: string | undefined): Promise<ImportResult> {
  if (typeof doc.schemaVersion !== 'number') throw new DamagedFileError('The 2FAS backup has no schema version.');
  const encryptedField = doc.servicesEncrypted;
  const encrypted = typeof encryptedField === 'string' && encryptedField !== '';
  if (!encrypted) refuseLostEncryptedField(doc);
  const list = entryArray(encrypted ? await decryptServices(doc, encryptedField, password) : doc.services, '2FAS service list');

  const collector = new EntryCollector();
  if (doc.schemaVersion > NEWEST_KNOWN_SCHEMA) {
    collector.warn({ code: 'newer-version', message: `This 2FAS backup uses schema ${doc.schemaVersion}; ${NEWEST_KNOWN_SCHEMA} is the newest known. Check the imported accounts.` });
  }
  const ordered = list.map((value, i) => ({ value, i })).sort((a, b) => position(a.value) - position(b.value) || a.i - b.i);
  for (const { value, i } of ordered) {
    const raw = isObject(value) ? value : {};
    const rawOtp = isObject(raw.otp) ? raw.otp : {};
    collector.add(entryLabel(raw.name ?? rawOtp.issuer, rawOtp.account ?? rawOtp.label, `entry ${i + 1}`), () => {
      const service = asEntryObject(value);
      const otp = object(service, 'otp');
      const tokenType = optText(otp, 'tokenType') ?? 'TOTP';
      const type = TOKEN_TYPES[tokenType.toUpperCase()];
      if (type === undefined) throw new EntryProblem('unsupported-type', `2FAS "${tokenType.slice(0, 20)}" tokens are not supported (only TOTP, HOTP and Steam).`);
      const name = optText(service, 'name') ?? '';
      return {
        type,
        // The service name is what the user sees (and may have renamed); the link's issuer is the fallback.
        issuer: name.trim() !== '' ? name : optText(otp, 'issuer'),
        accountName: optText(otp, 'account') ?? optText(otp, 'label'),
        secret: text(service, 'secret'),
        algorithm: optText(otp, 'algorithm'),
        digits: optNumber(otp, 'digits'),
        period: optNumber(otp, 'period'),
        counter: optNumber(otp, 'counter'),
      };
    });
  }
  return { format: '2fas', encrypted, ...collector.result() };
}
