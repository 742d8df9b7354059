import { z } from 'zod';
import { decodeBase64Field, encodeBase64, equalBytes } from './bytes';
import { aadOf, aesGcmDecrypt, aesGcmEncrypt, hkdf, KEY_BYTES, NONCE_BYTES, sha256, TAG_BYTES } from './crypto';
import { InvalidVaultInputError, VaultDamagedError, WrongPasswordError } from './errors';
import { checkNewKdf, KDF_OUTPUT_BYTES, KDF_READ_BOUNDS, kdfBoundsProblem, runKdf, SALT_BYTES, StoredKdf, type KdfParams } from './kdf';
import { randomBytes, type VaultDeps } from './deps';

/**
 * The password slot: the master key wrapped under a key derived from the
 * password. Self-contained (its AAD names the slot format, not the file), so a
 * backup carries an exact copy. Layout and rules: docs/vault-format.md.
 */
export const PasswordSlot = z.strictObject({
  type: z.literal('password'),
  /** 1 when created, +1 on every password change of the same master key. */
  generation: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  kdf: StoredKdf,
  /** HKDF(slot secret, "hikae/password-slot/verifier/v1"): tells a wrong password from a damaged wrapped key. */
  verifier: z.string(),
  wrap: z.strictObject({
    cipher: z.literal('AES-256-GCM'),
    nonce: z.string(),
    wrappedKey: z.string(),
  }),
  /** SHA-256 of the slot's fields: tells accidental damage (e.g. of the salt) from a wrong password. */
  checksum: z.string(),
});
export type PasswordSlot = z.infer<typeof PasswordSlot>;

const VERIFIER_BYTES = 32;
const KEK_INFO = 'hikae/password-slot/kek/v1';
const VERIFIER_INFO = 'hikae/password-slot/verifier/v1';

/** The wrapped key's associated data: the slot header (what derives the KEK and how it wraps). */
const slotAad = (slot: Omit<PasswordSlot, 'checksum' | 'verifier' | 'wrap'> & { wrap: { cipher: string } }) =>
  aadOf([
    'hikae/password-slot/v1',
    slot.generation,
    slot.kdf.algorithm,
    slot.kdf.memoryKiB,
    slot.kdf.iterations,
    slot.kdf.parallelism,
    slot.kdf.outputBytes,
    slot.kdf.salt,
    slot.wrap.cipher,
  ]);

/** SHA-256 over every other field of the slot, base64. */
export async function slotChecksum(slot: Omit<PasswordSlot, 'checksum'>): Promise<string> {
  const fields = aadOf([
    'hikae/password-slot-checksum/v1',
    slot.type,
    slot.generation,
    slot.kdf.algorithm,
    slot.kdf.memoryKiB,
    slot.kdf.iterations,
    slot.kdf.parallelism,
    slot.kdf.outputBytes,
    slot.kdf.salt,
    slot.verifier,
    slot.wrap.cipher,
    slot.wrap.nonce,
    slot.wrap.wrappedKey,
  ]);
  return encodeBase64(await sha256(fields));
}

/**
 * Checks a parsed slot's binary fields and KDF bounds (no password needed).
 * Throws {@link VaultDamagedError} (`base64`, `length`, `kdf-params`).
 */
export function checkSlotFields(slot: PasswordSlot): void {
  decodeBase64Field(slot.kdf.salt, 'passwordSlot.kdf.salt', { min: KDF_READ_BOUNDS.minSaltBytes, max: KDF_READ_BOUNDS.maxSaltBytes });
  decodeBase64Field(slot.verifier, 'passwordSlot.verifier', { exactly: VERIFIER_BYTES });
  decodeBase64Field(slot.wrap.nonce, 'passwordSlot.wrap.nonce', { exactly: NONCE_BYTES });
  decodeBase64Field(slot.wrap.wrappedKey, 'passwordSlot.wrap.wrappedKey', { exactly: KEY_BYTES + TAG_BYTES });
  decodeBase64Field(slot.checksum, 'passwordSlot.checksum', { exactly: 32 });
  const outOfBounds = kdfBoundsProblem(slot.kdf);
  if (outOfBounds) throw new VaultDamagedError('kdf-params', `The password slot's KDF parameters are refused: ${outOfBounds}.`);
}

async function deriveSlotKeys(password: string, salt: Uint8Array, kdf: Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>) {
  const secret = await runKdf(password, salt, kdf);
  return { kek: await hkdf(secret, KEK_INFO), verifier: await hkdf(secret, VERIFIER_INFO, VERIFIER_BYTES) };
}

/**
 * Wraps `masterKey` under `password` in a new slot: fresh salt and nonce,
 * Argon2id with `kdf` (checked: never below the defaults unless `testOnlyAllowWeak`).
 */
export async function createPasswordSlot(
  password: string,
  masterKey: Uint8Array,
  deps: VaultDeps,
  kdf: KdfParams | undefined,
  generation: number,
): Promise<PasswordSlot> {
  if (password === '') throw new InvalidVaultInputError('empty-password', 'The password is empty.');
  const params = checkNewKdf(kdf);
  const salt = randomBytes(deps, SALT_BYTES);
  const nonce = randomBytes(deps, NONCE_BYTES);
  const { kek, verifier } = await deriveSlotKeys(password, salt, params);
  const header = {
    type: 'password' as const,
    generation,
    kdf: {
      algorithm: 'argon2id' as const,
      memoryKiB: params.memoryKiB,
      iterations: params.iterations,
      parallelism: params.parallelism,
      salt: encodeBase64(salt),
      outputBytes: KDF_OUTPUT_BYTES,
    },
  } satisfies Pick<PasswordSlot, 'type' | 'generation' | 'kdf'>;
  const wrappedKey = await aesGcmEncrypt(kek, nonce, masterKey, slotAad({ ...header, wrap: { cipher: 'AES-256-GCM' } }));
  const withoutChecksum = {
    ...header,
    verifier: encodeBase64(verifier),
    wrap: { cipher: 'AES-256-GCM' as const, nonce: encodeBase64(nonce), wrappedKey: encodeBase64(wrappedKey) },
  };
  return { ...withoutChecksum, checksum: await slotChecksum(withoutChecksum) };
}

/**
 * Checks the slot's checksum without a password. Throws
 * {@link VaultDamagedError}('checksum') when any slot byte changed.
 */
export async function verifySlotChecksum(slot: PasswordSlot): Promise<void> {
  const { checksum, ...rest } = slot;
  if ((await slotChecksum(rest)) !== checksum) {
    throw new VaultDamagedError('checksum', 'The password slot does not match its checksum: the file was changed or corrupted.');
  }
}

/**
 * Unwraps the master key. Assumes {@link checkSlotFields} passed. Decides
 * precisely (docs/vault-format.md, "Reading, step by step"):
 * - checksum wrong → {@link VaultDamagedError}('checksum');
 * - verifier matches, unwrap fails → damaged ('wrapped-key');
 * - verifier differs, unwrap succeeds → damaged ('verifier');
 * - both fail → {@link WrongPasswordError}.
 */
export async function unwrapPasswordSlot(slot: PasswordSlot, password: string): Promise<Uint8Array<ArrayBuffer>> {
  await verifySlotChecksum(slot);
  // No slot is ever created for an empty password (and Argon2id refuses one).
  if (password === '') throw new WrongPasswordError('The password is empty.');
  const salt = decodeBase64Field(slot.kdf.salt, 'passwordSlot.kdf.salt');
  const { kek, verifier } = await deriveSlotKeys(password, salt, slot.kdf);
  const verifierMatches = equalBytes(verifier, decodeBase64Field(slot.verifier, 'passwordSlot.verifier'));
  let masterKey: Uint8Array<ArrayBuffer> | null = null;
  try {
    masterKey = await aesGcmDecrypt(
      kek,
      decodeBase64Field(slot.wrap.nonce, 'passwordSlot.wrap.nonce'),
      decodeBase64Field(slot.wrap.wrappedKey, 'passwordSlot.wrap.wrappedKey'),
      slotAad(slot),
      (cause) => new VaultDamagedError('wrapped-key', 'The password is right but the wrapped key is damaged.', { cause }),
    );
  } catch (error) {
    if (!(error instanceof VaultDamagedError)) throw error;
    if (verifierMatches) throw error;
    throw new WrongPasswordError(undefined, { cause: error });
  }
  if (!verifierMatches) {
    throw new VaultDamagedError('verifier', 'The password is right but the password verifier is damaged.');
  }
  if (masterKey.length !== KEY_BYTES) {
    throw new VaultDamagedError('wrapped-key', `The unwrapped master key is ${masterKey.length} bytes, not ${KEY_BYTES}.`);
  }
  return masterKey;
}
