import type { Preferences } from '../android-preferences';
import { aesCbcDecrypt, CbcPaddingError, pbkdf2 } from '../crypto';
import { decodeBase64, decodeHex, decodeUtf8, encodeUtf8 } from '../encoding';
import { EntryCollector, EntryProblem, entryLabel } from '../entries';
import { PasswordRequiredError, WrongPasswordError } from '../errors';
import { asEntryObject, entryArray, isObject, optNumber, optText, parseJson, text, type JsonObject } from '../json';
import { IMPORT_LIMITS } from '../limits';
import type { ImportResult } from '../result';

/* Authy's Android token file from a rooted device, plain or with encrypted secrets (docs/import-export-formats.md#authy). */

const TOKENS_KEY = 'com.authy.storage.tokens.authenticator.key';
/** Authy's PBKDF2 rounds for backup-password encryption; not stored in the file. */
const AUTHY_PBKDF2_ITERATIONS = 1000;
const ZERO_IV = new Uint8Array(16);
const BASE32_TEXT = /^[A-Z2-7]+=*$/i;

/** A preferences file holding Authy's token list. */
export function isAuthyPreferences(preferences: Preferences): boolean {
  return preferences.has(TOKENS_KEY);
}

/** Issuer and account name from Authy's `originalIssuer`, `originalName` ("Issuer:name") and `name`. */
function names(token: JsonObject): { issuer: string; accountName: string } {
  const originalIssuer = optText(token, 'originalIssuer')?.trim() ?? '';
  const originalName = optText(token, 'originalName') ?? '';
  const name = optText(token, 'name') ?? '';
  const colon = originalName.indexOf(':');
  if (colon >= 0) {
    return { issuer: originalIssuer || originalName.slice(0, colon), accountName: originalName.slice(colon + 1) };
  }
  const dash = name.indexOf(' - ');
  if (originalIssuer === '' && dash >= 0) return { issuer: name.slice(0, dash), accountName: name.slice(dash + 3) };
  return { issuer: originalIssuer, accountName: originalName || name };
}

const isEncryptedToken = (value: unknown): boolean =>
  isObject(value) && typeof value.encryptedSecret === 'string' && (value.decryptedSecret === undefined || value.decryptedSecret === null);

/** The IV: Authy's newer `unique_iv` (base64 or hex of 16 bytes) when present, else zeros. */
function ivOf(token: JsonObject): Uint8Array {
  const unique = optText(token, 'unique_iv');
  if (unique === undefined || unique === '') return ZERO_IV;
  const iv = decodeHex(unique) ?? decodeBase64(unique);
  if (iv?.length !== 16) throw new EntryProblem('secret/damaged', 'The token\'s "unique_iv" is not 16 bytes.');
  return iv;
}

/**
 * Decrypts one token's secret. Returns the base32 text, or undefined when the key does
 * not open it (bad padding, or a plaintext that is not base32: CBC has no tag).
 */
async function decryptSecret(token: JsonObject, password: string, keys: Map<string, Promise<Uint8Array>>): Promise<string | undefined> {
  const ciphertext = decodeBase64(text(token, 'encryptedSecret'));
  const salt = text(token, 'salt');
  if (ciphertext === undefined || ciphertext.length === 0 || ciphertext.length % 16 !== 0 || ciphertext.length > IMPORT_LIMITS.maxEncryptedSecretBytes) {
    throw new EntryProblem('secret/damaged', 'The encrypted secret is not base64 of whole AES blocks.');
  }
  if (salt.length > 1024) throw new EntryProblem('secret/damaged', 'The salt is longer than 1024 characters.');
  const iv = ivOf(token);
  // Tokens of one account share their salt; one key derivation serves them all.
  let key = keys.get(salt);
  if (key === undefined) keys.set(salt, (key = pbkdf2(password, encodeUtf8(salt), AUTHY_PBKDF2_ITERATIONS, 'SHA-1')));
  let plaintext: Uint8Array;
  try {
    plaintext = await aesCbcDecrypt(await key, iv, ciphertext);
  } catch (error) {
    if (error instanceof CbcPaddingError) return undefined;
    throw error;
  }
  const secret = decodeUtf8(plaintext)?.trim();
  return secret !== undefined && BASE32_TEXT.test(secret) ? secret : undefined;
}

/**
 * The secret of every token: decrypted ones in place of `encryptedSecret`. The first
 * encrypted token decides whether the password is right; later failures are that
 * entry's damage (an EntryProblem in its slot).
 */
async function secrets(tokens: unknown[], password: string | undefined): Promise<(string | EntryProblem | undefined)[]> {
  if (!tokens.some(isEncryptedToken)) return tokens.map(() => undefined);
  if (password === undefined || password === '') throw new PasswordRequiredError('Authy');
  const keys = new Map<string, Promise<Uint8Array>>();
  let opened = false;
  const out: (string | EntryProblem | undefined)[] = [];
  for (const value of tokens) {
    if (!isEncryptedToken(value)) {
      out.push(undefined);
      continue;
    }
    try {
      const secret = await decryptSecret(value as JsonObject, password, keys);
      if (secret === undefined) {
        if (!opened) throw new WrongPasswordError('The password does not open the secrets of this Authy file (or the file is damaged).');
        out.push(new EntryProblem('secret/damaged', 'This secret does not decrypt with the password that opened the others: it is damaged.'));
      } else {
        opened = true;
        out.push(secret);
      }
    } catch (error) {
      if (!(error instanceof EntryProblem)) throw error;
      out.push(error);
    }
  }
  return out;
}

/** Reads Authy's `com.authy.storage.tokens.authenticator.xml` (its parsed preferences). */
export async function parseAuthy(preferences: Preferences, password: string | undefined): Promise<ImportResult> {
  const tokens = entryArray(parseJson(preferences.get(TOKENS_KEY) ?? '', 'Authy token list'), 'Authy token list');
  const decrypted = await secrets(tokens, password);
  const collector = new EntryCollector();
  tokens.forEach((value, i) => {
    const raw = isObject(value) ? value : {};
    collector.add(entryLabel('', raw.name ?? raw.originalName, `token ${i + 1}`), () => {
      const token = asEntryObject(value);
      const { issuer, accountName } = names(token);
      const secret = decrypted[i];
      if (secret instanceof EntryProblem) throw secret;
      // Authy keeps neither algorithm nor period for authenticator tokens: always SHA1 and 30 s.
      return { type: 'totp', issuer, accountName, secret: secret ?? text(token, 'decryptedSecret'), digits: optNumber(token, 'digits'), algorithm: 'SHA1', period: 30 };
    });
  });
  return { format: 'authy', encrypted: decrypted.some((secret) => secret !== undefined), ...collector.result() };
}
