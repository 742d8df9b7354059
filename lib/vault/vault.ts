import { checkContents, decodeContents, encodeContents, type VaultContents } from './contents';
import { randomBytes, type VaultDeps } from './deps';
import { checkMasterKey, keyIdOf, openPayload, requireKeyId, sealPayload } from './envelope';
import { VaultDamagedError } from './errors';
import { KEY_BYTES } from './crypto';
import type { KdfParams } from './kdf';
import { VAULT_FORMAT, VAULT_VERSION, parseVaultFile, type VaultFile } from './file';
import { createPasswordSlot, unwrapPasswordSlot, verifySlotChecksum, type PasswordSlot } from './password-slot';

/** HKDF label of the vault payload key (exported for tests that craft payloads). */
export const VAULT_PAYLOAD_INFO = 'hikae/vault-payload/v1';

/** The payload's AAD: the part of the header that does not change with the password. */
export const payloadAad = (keyId: string) => [VAULT_FORMAT, VAULT_VERSION, keyId, 'AES-256-GCM'] as const;

const payloadDamaged = (message: string, cause?: unknown) => new VaultDamagedError('payload', message, { cause });

async function seal(masterKey: Uint8Array, keyId: string, contents: VaultContents, deps: VaultDeps) {
  return sealPayload(masterKey, VAULT_PAYLOAD_INFO, encodeContents(contents), payloadAad(keyId), deps);
}

/**
 * Creates a vault: a random 256-bit master key, wrapped by `password` (Argon2id
 * with `kdf`, default {@link DEFAULT_KDF}; weaker only with `testOnlyAllowWeak`),
 * encrypting `contents`. Returns the file to store and the master key to keep in
 * the session. Throws {@link InvalidVaultInputError} for an empty password, weak
 * KDF parameters or invalid contents.
 */
export async function createVault(
  password: string,
  contents: VaultContents,
  deps: VaultDeps,
  kdf?: KdfParams,
): Promise<{ file: VaultFile; masterKey: Uint8Array }> {
  const checked = checkContents(contents);
  const masterKey = randomBytes(deps, KEY_BYTES);
  const keyId = await keyIdOf(masterKey);
  const passwordSlot = await createPasswordSlot(password, masterKey, deps, kdf, 1);
  const file: VaultFile = {
    format: VAULT_FORMAT,
    version: VAULT_VERSION,
    keyId,
    passwordSlot,
    payload: await seal(masterKey, keyId, checked, deps),
  };
  return { file, masterKey };
}

/**
 * Opens a vault with its password (runs Argon2id: ~0.3 s). Throws
 * {@link WrongPasswordError}, {@link VaultDamagedError} (with the `problem`),
 * or {@link UnsupportedVaultVersionError}.
 */
export async function unlockVault(file: unknown, password: string): Promise<{ masterKey: Uint8Array; contents: VaultContents; file: VaultFile }> {
  const vault = parseVaultFile(file);
  const masterKey = await unwrapPasswordSlot(vault.passwordSlot, password);
  if ((await keyIdOf(masterKey)) !== vault.keyId) {
    throw new VaultDamagedError('key-id', "The vault's key id does not match its key: the file was changed or corrupted.");
  }
  const contents = decodeContents(await openPayload(masterKey, VAULT_PAYLOAD_INFO, vault.payload, payloadAad(vault.keyId), payloadDamaged));
  return { masterKey, contents, file: vault };
}

/**
 * Opens a vault with the master key kept in the session: no KDF, the fast path
 * of every request. Throws {@link VaultKeyMismatchError} when the key is not
 * this vault's, otherwise as {@link unlockVault} (never WrongPasswordError).
 */
export async function openVault(file: unknown, masterKey: Uint8Array): Promise<VaultContents> {
  const vault = parseVaultFile(file);
  await requireKeyId(masterKey, vault.keyId, 'vault');
  return decodeContents(await openPayload(masterKey, VAULT_PAYLOAD_INFO, vault.payload, payloadAad(vault.keyId), payloadDamaged));
}

/**
 * Encrypts new contents into the vault: a fresh nonce, the password slot
 * unchanged. Returns the complete new file (write it in one storage write).
 */
export async function sealVault(file: VaultFile, masterKey: Uint8Array, contents: VaultContents, deps: VaultDeps): Promise<VaultFile> {
  const vault = parseVaultFile(file);
  await requireKeyId(masterKey, vault.keyId, 'vault');
  return { ...vault, payload: await seal(masterKey, vault.keyId, checkContents(contents), deps) };
}

/**
 * Changes the password: re-wraps the master key in a new slot (new salt, new
 * nonce, generation + 1). The payload is kept byte for byte; the old password
 * stops working. The caller should have checked the current password
 * ({@link unlockVault}) first.
 */
export async function changePassword(file: VaultFile, masterKey: Uint8Array, newPassword: string, deps: VaultDeps, kdf?: KdfParams): Promise<VaultFile> {
  const vault = parseVaultFile(file);
  checkMasterKey(masterKey);
  await requireKeyId(masterKey, vault.keyId, 'vault');
  const passwordSlot = await createPasswordSlot(newPassword, masterKey, deps, kdf, vault.passwordSlot.generation + 1);
  return { ...vault, passwordSlot };
}

/**
 * A vault for an existing master key and a password slot that wraps it — e.g.
 * the slot carried by a backup (so a restored device keeps the same key and
 * password without running Argon2id again). The slot's checksum is verified; its
 * binding to `masterKey` is the caller's to establish (opening the backup with the
 * key does). Throws {@link VaultDamagedError}('checksum') for a damaged slot.
 */
export async function createVaultWithSlot(passwordSlot: PasswordSlot, masterKey: Uint8Array, contents: VaultContents, deps: VaultDeps): Promise<VaultFile> {
  checkMasterKey(masterKey);
  await verifySlotChecksum(passwordSlot);
  const keyId = await keyIdOf(masterKey);
  const file: VaultFile = {
    format: VAULT_FORMAT,
    version: VAULT_VERSION,
    keyId,
    passwordSlot,
    payload: await seal(masterKey, keyId, checkContents(contents), deps),
  };
  // Same checks as any stored vault (structure, base64, KDF bounds).
  return parseVaultFile(file);
}
