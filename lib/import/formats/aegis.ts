import { EntryCollector, EntryProblem, entryLabel } from '../entries';
import { aesGcmDecrypt, GcmAuthenticationError, scrypt256 } from '../crypto';
import { decodeBase64, decodeHex, decodeUtf8 } from '../encoding';
import { DamagedFileError, ImportLimitError, PasswordRequiredError, UnsupportedFormatError, WrongPasswordError } from '../errors';
import { asEntryObject, entryArray, isObject, object, optNumber, optText, parseJson, text, type JsonObject } from '../json';
import { IMPORT_LIMITS } from '../limits';
import type { ImportResult } from '../result';

/* Aegis vault export, plain or password-encrypted (docs/import-export-formats.md#aegis). */

const SLOT_TYPE_PASSWORD = 1;
/** Content versions Aegis has defined (docs/vault.md); newer ones are read with a warning. */
const KNOWN_DB_VERSION = 3;

export function looksLikeAegis(doc: unknown): doc is JsonObject {
  // An Aegis header (slots + params) names the format even when the content ("db") is lost.
  return isObject(doc) && 'header' in doc && ('db' in doc || (isObject(doc.header) && 'slots' in doc.header && 'params' in doc.header));
}

interface GcmParams {
  nonce: Uint8Array;
  tag: Uint8Array;
}

function gcmParams(value: unknown, where: string): GcmParams {
  const nonce = isObject(value) && typeof value.nonce === 'string' ? decodeHex(value.nonce) : undefined;
  const tag = isObject(value) && typeof value.tag === 'string' ? decodeHex(value.tag) : undefined;
  if (nonce?.length !== 12 || tag?.length !== 16) {
    throw new DamagedFileError(`The Aegis vault's ${where} needs a 12-byte hex nonce and a 16-byte hex tag.`);
  }
  return { nonce, tag };
}

const concat = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

interface PasswordSlot {
  n: number;
  r: number;
  p: number;
  salt: Uint8Array;
  wrappedKey: Uint8Array;
  params: GcmParams;
}

function passwordSlot(slot: JsonObject, position: number): PasswordSlot {
  const where = `key slot ${position + 1}`;
  const { n, r, p } = slot;
  if (typeof n !== 'number' || typeof r !== 'number' || typeof p !== 'number' || ![n, r, p].every(Number.isInteger)) {
    throw new DamagedFileError(`The Aegis vault's ${where} has no valid scrypt parameters n, r, p.`);
  }
  if (n < 2 || (n & (n - 1)) !== 0 || r < 1 || p < 1) {
    throw new DamagedFileError(`The Aegis vault's ${where} has impossible scrypt parameters (N=${n}, r=${r}, p=${p}).`);
  }
  if (n > IMPORT_LIMITS.maxScryptN || r > IMPORT_LIMITS.maxScryptR || p > IMPORT_LIMITS.maxScryptP || 128 * n * r > IMPORT_LIMITS.maxScryptMemoryBytes || n * r * p > IMPORT_LIMITS.maxScryptWork) {
    throw new ImportLimitError(`The Aegis vault's ${where} asks for scrypt N=${n}, r=${r}, p=${p}, beyond what is read (Aegis uses N=32768, r=8, p=1).`);
  }
  const salt = typeof slot.salt === 'string' ? decodeHex(slot.salt) : undefined;
  const wrappedKey = typeof slot.key === 'string' ? decodeHex(slot.key) : undefined;
  if (salt === undefined || salt.length === 0 || salt.length > 1024 || wrappedKey?.length !== 32) {
    throw new DamagedFileError(`The Aegis vault's ${where} needs a hex salt and a 32-byte hex key.`);
  }
  return { n, r, p, salt, wrappedKey, params: gcmParams(slot.key_params, `${where} key_params`) };
}

async function decryptDb(header: JsonObject, db: string, password: string | undefined): Promise<unknown> {
  const slots = header.slots;
  if (!Array.isArray(slots)) throw new DamagedFileError('The Aegis vault is encrypted but its header has no key slots.');
  if (slots.length > IMPORT_LIMITS.maxAegisSlots) {
    throw new ImportLimitError(`The Aegis vault has ${slots.length} key slots; at most ${IMPORT_LIMITS.maxAegisSlots} are read.`);
  }
  const params = gcmParams(header.params, 'header params');
  const ciphertext = decodeBase64(db);
  if (ciphertext === undefined) throw new DamagedFileError('The Aegis vault content is not base64.');
  // Every slot is checked before any key derivation runs: a crafted header fails at once.
  const passwordSlots = slots.flatMap((slot, i) => (isObject(slot) && slot.type === SLOT_TYPE_PASSWORD ? [passwordSlot(slot, i)] : []));
  if (passwordSlots.length === 0) {
    throw new UnsupportedFormatError('This Aegis vault has no password slot (only biometric or raw keys, which live on the phone): export it from Aegis with a password.');
  }
  if (password === undefined || password === '') throw new PasswordRequiredError('Aegis');

  let masterKey: Uint8Array | undefined;
  let lastFailure: unknown;
  for (const slot of passwordSlots) {
    const slotKey = await scrypt256(password, slot.salt, slot.n, slot.r, slot.p);
    try {
      masterKey = await aesGcmDecrypt(slotKey, slot.params.nonce, concat(slot.wrappedKey, slot.params.tag));
      break;
    } catch (error) {
      if (!(error instanceof GcmAuthenticationError)) throw error;
      lastFailure = error;
    }
  }
  if (masterKey === undefined) {
    throw new WrongPasswordError('The password does not open this Aegis vault (or its key slot is damaged).', { cause: lastFailure });
  }
  let plaintext: Uint8Array;
  try {
    plaintext = await aesGcmDecrypt(masterKey, params.nonce, concat(ciphertext, params.tag));
  } catch (cause) {
    if (!(cause instanceof GcmAuthenticationError)) throw cause;
    throw new DamagedFileError('The password is right but the Aegis vault content does not decrypt: the file is damaged.', { cause });
  }
  const json = decodeUtf8(plaintext);
  if (json === undefined) throw new DamagedFileError('The decrypted Aegis vault is not UTF-8 text.');
  return parseJson(json, 'decrypted Aegis vault');
}

function readEntries(db: unknown, encrypted: boolean): ImportResult {
  if (!isObject(db)) throw new DamagedFileError('The Aegis vault content is not an object.');
  const collector = new EntryCollector();
  if (typeof db.version !== 'number') throw new DamagedFileError('The Aegis vault content has no version.');
  if (db.version > KNOWN_DB_VERSION) {
    collector.warn({ code: 'newer-version', message: `This Aegis vault uses content version ${db.version}; version ${KNOWN_DB_VERSION} is the newest known. Check the imported accounts.` });
  }
  entryArray(db.entries, 'Aegis entry list').forEach((value, i) => {
    const raw = isObject(value) ? value : {};
    collector.add(entryLabel(raw.issuer, raw.name, `entry ${i + 1}`), () => {
      const entry = asEntryObject(value);
      const type = text(entry, 'type');
      if (type !== 'totp' && type !== 'hotp' && type !== 'steam') {
        throw new EntryProblem('unsupported-type', `Aegis "${type.slice(0, 20)}" accounts are not supported (only TOTP, HOTP and Steam).`);
      }
      const info = object(entry, 'info');
      return {
        type,
        issuer: optText(entry, 'issuer'),
        accountName: optText(entry, 'name'),
        secret: text(info, 'secret'),
        algorithm: optText(info, 'algo'),
        digits: optNumber(info, 'digits'),
        period: optNumber(info, 'period'),
        counter: optNumber(info, 'counter'),
      };
    });
  });
  return { format: 'aegis', encrypted, ...collector.result() };
}

/** Reads an Aegis vault export (the parsed JSON document). */
export async function parseAegis(doc: JsonObject, password: string | undefined): Promise<ImportResult> {
  if (doc.version !== 1) throw new UnsupportedFormatError(`This Aegis vault has file version ${String(doc.version).slice(0, 20)}; only version 1 is known.`);
  const header = doc.header;
  if (!isObject(header)) throw new DamagedFileError('The Aegis vault has no header.');
  if (typeof doc.db === 'string') return readEntries(await decryptDb(header, doc.db, password), true);
  if (doc.db === undefined) throw new DamagedFileError('The Aegis vault has no content ("db"): the file is damaged or cut short.');
  if (header.slots !== null && header.slots !== undefined) {
    throw new DamagedFileError('The Aegis vault header has key slots but its content is not encrypted.');
  }
  return readEntries(doc.db, false);
}
