import { aesGcmDecryptWithAad, GcmAuthenticationError, pbkdf2 } from '../crypto';
import { encodeUtf8 } from '../encoding';
import { EntryCollector, EntryProblem, entryLabel } from '../entries';
import { DamagedFileError, ImportLimitError, PasswordRequiredError, UnsupportedFormatError, WrongPasswordError } from '../errors';
import { readSerializedStringMap } from '../java-serialization';
import { isObject, jsonDepth, type JsonObject } from '../json';
import { IMPORT_LIMITS } from '../limits';
import type { ImportResult } from '../result';
import { parseFreeOtpPlus } from './freeotp-plus';

/* FreeOTP 2.x encrypted backup: a Java-serialized map of JSON strings (docs/import-export-formats.md#freeotp-2x-backup-externalbackupxml). */

const MASTER_KEY = 'masterKey';
const TOKEN_SUFFIX = '-token';
const PBKDF2_HASHES: Record<string, 'SHA-1' | 'SHA-256' | 'SHA-512'> = {
  pbkdf2withhmacsha1: 'SHA-1',
  pbkdf2withhmacsha256: 'SHA-256',
  pbkdf2withhmacsha512: 'SHA-512',
};

/** JSON of one map value, or undefined when it is not JSON. */
function json(value: string): unknown {
  if (jsonDepth(value) > IMPORT_LIMITS.maxJsonDepth) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    // Damage in one value is reported where the value is used.
    return undefined;
  }
}

/** A Java byte[] written by Gson: a list of signed bytes. */
function javaBytes(value: unknown, what: string, maxBytes: number): Uint8Array {
  if (!Array.isArray(value) || value.length === 0 || value.length > maxBytes || !value.every((b) => typeof b === 'number' && Number.isInteger(b) && b >= -128 && b <= 127)) {
    throw new EntryProblem('secret/damaged', `The ${what} is not a list of bytes.`);
  }
  return Uint8Array.from(value as number[], (b) => b & 0xff);
}

interface SealedKey {
  iv: Uint8Array;
  ciphertext: Uint8Array;
  aad: Uint8Array;
}

/** The 12-byte IV of DER GCM parameters: a bare OCTET STRING, or SEQUENCE { OCTET STRING, INTEGER }. */
function gcmIv(der: Uint8Array): Uint8Array | undefined {
  const octets = der[0] === 0x30 && der[1] === der.length - 2 ? der.subarray(2) : der;
  if (octets[0] !== 0x04 || octets[1] !== 12 || octets.length < 14) return undefined;
  return octets.subarray(2, 14);
}

/** An EncryptedKey object: AES/GCM/NoPadding with its algorithm name as associated data. */
function sealedKey(value: unknown, what: string): SealedKey {
  if (!isObject(value) || value.mCipher !== 'AES/GCM/NoPadding' || typeof value.mToken !== 'string') {
    throw new EntryProblem('secret/damaged', `The ${what} is not an AES-GCM encrypted key.`);
  }
  const iv = gcmIv(javaBytes(value.mParameters, `${what} parameters`, 64));
  const ciphertext = javaBytes(value.mCipherText, `${what} ciphertext`, IMPORT_LIMITS.maxEncryptedSecretBytes);
  if (iv === undefined || ciphertext.length <= 16) throw new EntryProblem('secret/damaged', `The ${what} has no 12-byte IV or no ciphertext.`);
  return { iv, ciphertext, aad: encodeUtf8(value.mToken) };
}

async function masterKey(value: string | undefined, password: string | undefined): Promise<Uint8Array> {
  const doc = value === undefined ? undefined : json(value);
  if (!isObject(doc)) throw new DamagedFileError('The FreeOTP backup has no readable "masterKey".');
  const hash = typeof doc.mAlgorithm === 'string' ? PBKDF2_HASHES[doc.mAlgorithm.toLowerCase()] : undefined;
  if (hash === undefined) throw new UnsupportedFormatError(`The FreeOTP backup's master key uses "${String(doc.mAlgorithm).slice(0, 40)}", which is not read (PBKDF2 with HMAC-SHA1/256/512 is).`);
  const iterations = doc.mIterations;
  if (typeof iterations !== 'number' || !Number.isInteger(iterations) || iterations < IMPORT_LIMITS.minFreeOtpIterations) {
    throw new DamagedFileError('The FreeOTP backup\'s master key has no valid iteration count.');
  }
  if (iterations > IMPORT_LIMITS.maxFreeOtpIterations) {
    throw new ImportLimitError(`The FreeOTP backup asks for ${iterations} PBKDF2 iterations; at most ${IMPORT_LIMITS.maxFreeOtpIterations} are run (FreeOTP uses 100 000).`);
  }
  let salt: Uint8Array;
  let sealed: SealedKey;
  try {
    salt = javaBytes(doc.mSalt, 'master key salt', 1024);
    sealed = sealedKey(doc.mEncryptedKey, 'master key');
  } catch (error) {
    if (error instanceof EntryProblem) throw new DamagedFileError(`The FreeOTP backup's master key is damaged: ${error.message}`);
    throw error;
  }
  if (password === undefined || password === '') throw new PasswordRequiredError('FreeOTP');
  const key = await pbkdf2(password, salt, iterations, hash);
  try {
    return await aesGcmDecryptWithAad(key, sealed.iv, sealed.ciphertext, sealed.aad);
  } catch (cause) {
    if (!(cause instanceof GcmAuthenticationError)) throw cause;
    throw new WrongPasswordError('The password does not open this FreeOTP backup.', { cause });
  }
}

/** A token's secret bytes, decrypted with the master key; an EntryProblem when it does not open. */
async function tokenSecret(value: string | undefined, master: Uint8Array): Promise<Uint8Array | EntryProblem> {
  try {
    const holder = value === undefined ? undefined : json(value);
    if (!isObject(holder) || typeof holder.key !== 'string') throw new EntryProblem('secret/required', 'The token has no encrypted secret.');
    const sealed = sealedKey(json(holder.key), 'secret');
    try {
      return await aesGcmDecryptWithAad(master, sealed.iv, sealed.ciphertext, sealed.aad);
    } catch (cause) {
      if (!(cause instanceof GcmAuthenticationError)) throw cause;
      return new EntryProblem('secret/damaged', 'This secret does not decrypt with the master key that opened: it is damaged.');
    }
  } catch (error) {
    if (error instanceof EntryProblem) return error;
    throw error;
  }
}

/** Reads a FreeOTP 2.x backup (the file's bytes). */
export async function parseFreeOtpBackup(bytes: Uint8Array, password: string | undefined): Promise<ImportResult> {
  const map = new Map(readSerializedStringMap(bytes));
  if (!map.has(MASTER_KEY)) throw new UnsupportedFormatError('This Java-serialized map has no "masterKey", so it is not a FreeOTP backup.');
  const master = await masterKey(map.get(MASTER_KEY), password);
  const ids = [...map.keys()].filter((key) => key.endsWith(TOKEN_SUFFIX)).map((key) => key.slice(0, -TOKEN_SUFFIX.length));
  const collector = new EntryCollector();
  const tokens: unknown[] = [];
  for (const id of ids) {
    const token = json(map.get(id + TOKEN_SUFFIX) ?? '');
    const secret = await tokenSecret(map.get(id), master);
    if (secret instanceof EntryProblem) {
      const raw: JsonObject = isObject(token) ? token : {};
      collector.skip(entryLabel(raw.issuerExt ?? raw.issuerInt, raw.label, `token ${ids.indexOf(id) + 1}`), { code: secret.code, message: secret.message });
      continue;
    }
    // FreeOTP+'s reader takes byte secrets and the stored counter (it adds 1); 2.x stores the next one.
    tokens.push(isObject(token) ? { ...token, secret: Array.from(secret), counter: typeof token.counter === 'number' ? token.counter - 1 : undefined } : token);
  }
  const read = parseFreeOtpPlus({ tokens }, 'freeotp');
  const own = collector.result();
  return { format: 'freeotp', encrypted: true, accounts: read.accounts, skipped: [...own.skipped, ...read.skipped.map((s) => ({ ...s, index: s.index + own.skipped.length }))], warnings: read.warnings };
}
