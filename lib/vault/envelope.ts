import { z } from 'zod';
import { decodeBase64Field, encodeBase64 } from './bytes';
import { aadOf, aesGcmDecrypt, aesGcmEncrypt, hkdf, KEY_BYTES, NONCE_BYTES, TAG_BYTES } from './crypto';
import { InvalidVaultInputError, VaultDamagedError, VaultKeyMismatchError } from './errors';
import { randomBytes, type VaultDeps } from './deps';
import { SlotList } from './key-slots';
import { PasswordSlot } from './password-slot';

/*
 * Pieces both file formats (vault and backup) share: reading the JSON, the
 * format/version gate, the encrypted payload and the key id.
 */

/** An AES-256-GCM ciphertext with its nonce. */
export const EncryptedPayload = z.strictObject({
  cipher: z.literal('AES-256-GCM'),
  nonce: z.string(),
  ciphertext: z.string(),
});
export type EncryptedPayload = z.infer<typeof EncryptedPayload>;

export const KEY_ID_BYTES = 16;

/**
 * The fields of a version-1 envelope (one password slot), in file order; `extra`
 * (the backup's summary) goes right after the version. Read forever, never written again.
 */
export function envelopeV1Fields<F extends string, X extends z.ZodRawShape>(format: F, extra: X) {
  return { format: z.literal(format), version: z.literal(1), ...extra, keyId: z.string(), passwordSlot: PasswordSlot, payload: EncryptedPayload };
}

/** The fields of a version-2 envelope (a list of key slots), in file order; `extra` as for version 1. */
export function envelopeV2Fields<F extends string, X extends z.ZodRawShape>(format: F, extra: X) {
  return {
    format: z.literal(format),
    version: z.literal(2),
    ...extra,
    /** HKDF(master key, "hikae/key-id/v1"), base64 of 16 bytes. */
    keyId: z.string(),
    /** +1 on every change of `slots`. */
    slotsGeneration: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    slots: SlotList,
    payload: EncryptedPayload,
  };
}

/** The file as a value: storage may hold the object or its JSON text. */
export function fileValue(file: unknown, what: string, damaged: (message: string, cause?: unknown) => VaultDamagedError): unknown {
  if (typeof file !== 'string') return file;
  try {
    return JSON.parse(file);
  } catch (cause) {
    throw damaged(`The ${what} is not valid JSON.`, cause);
  }
}

/**
 * The format/version gate, before any other field is looked at: the format id
 * must match, an integer version above the newest readable one is "unsupported"
 * (with the number), any other version outside `readable` is damage. Returns the
 * file's version.
 */
export function checkFormatAndVersion<V extends number>(
  value: unknown,
  format: string,
  readable: readonly V[],
  errors: {
    damaged: (message: string) => VaultDamagedError;
    unsupported: (version: number) => Error;
  },
): V {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw errors.damaged(`The ${format} file is not a JSON object.`);
  }
  const record = value as Record<string, unknown>;
  if (record.format !== format) {
    throw errors.damaged(`The file's format is ${JSON.stringify(record.format) ?? 'missing'}, not "${format}".`);
  }
  const version = record.version;
  const newest = Math.max(...readable);
  if (typeof version === 'number' && Number.isInteger(version) && version > newest) throw errors.unsupported(version);
  if (!readable.includes(version as V)) {
    throw errors.damaged(`The ${format} file has an invalid version: ${JSON.stringify(version) ?? 'missing'}.`);
  }
  return version as V;
}

/** Turns zod issues into one precise message naming the fields. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

/** Checks the payload's binary fields (lengths and base64). */
export function checkPayloadFields(payload: EncryptedPayload): void {
  decodeBase64Field(payload.nonce, 'payload.nonce', { exactly: NONCE_BYTES });
  decodeBase64Field(payload.ciphertext, 'payload.ciphertext', { min: TAG_BYTES });
}

/** A master key as the caller passed it: exactly 32 bytes. */
export function checkMasterKey(masterKey: Uint8Array): void {
  if (!(masterKey instanceof Uint8Array) || masterKey.length !== KEY_BYTES) {
    throw new InvalidVaultInputError('bad-master-key', `The master key must be ${KEY_BYTES} bytes.`);
  }
}

/** The public identifier of a master key: HKDF(M, "hikae/key-id/v1"), 16 bytes, base64. */
export async function keyIdOf(masterKey: Uint8Array): Promise<string> {
  return encodeBase64(await hkdf(masterKey, 'hikae/key-id/v1', KEY_ID_BYTES));
}

/** Throws {@link VaultKeyMismatchError} unless `masterKey` is the key named by `keyId`. */
export async function requireKeyId(masterKey: Uint8Array, keyId: string, what: string): Promise<void> {
  checkMasterKey(masterKey);
  if ((await keyIdOf(masterKey)) !== keyId) {
    throw new VaultKeyMismatchError(`This key does not belong to this ${what} (key ids differ).`);
  }
}

/** Encrypts `plaintext` under HKDF(M, `info`) with a fresh nonce. */
export async function sealPayload(masterKey: Uint8Array, info: string, plaintext: Uint8Array, aad: readonly (string | number)[], deps: VaultDeps): Promise<EncryptedPayload> {
  const nonce = randomBytes(deps, NONCE_BYTES);
  const ciphertext = await aesGcmEncrypt(await hkdf(masterKey, info), nonce, plaintext, aadOf(aad));
  return { cipher: 'AES-256-GCM', nonce: encodeBase64(nonce), ciphertext: encodeBase64(ciphertext) };
}

/** Decrypts a payload sealed by {@link sealPayload}; a failed tag check throws `damaged`. */
export async function openPayload(
  masterKey: Uint8Array,
  info: string,
  payload: EncryptedPayload,
  aad: readonly (string | number)[],
  damaged: (message: string, cause?: unknown) => VaultDamagedError,
): Promise<Uint8Array<ArrayBuffer>> {
  return aesGcmDecrypt(
    await hkdf(masterKey, info),
    decodeBase64Field(payload.nonce, 'payload.nonce'),
    decodeBase64Field(payload.ciphertext, 'payload.ciphertext'),
    aadOf(aad),
    (cause) => damaged('The encrypted payload failed authentication: it was changed or corrupted.', cause),
  );
}
