import { checkContents, decodeContents, encodeContents, type VaultContents } from './contents';
import { randomBytes, type VaultDeps } from './deps';
import { checkMasterKey, keyIdOf, openPayload, requireKeyId, sealPayload } from './envelope';
import { VaultDamagedError } from './errors';
import { KEY_BYTES } from './crypto';
import type { KdfParams } from './kdf';
import { keySlotsOf, VAULT_FORMAT, VAULT_VERSION, parseVaultFile, type VaultFile, type VaultFileV2 } from './file';
import { checkKeySlots, isPasswordSlot, unwrapKeySlots, withNewPassword, type KeySlots } from './key-slots';
import { createPasswordSlot, verifySlotChecksum } from './password-slot';

/** HKDF label of the vault payload key (exported for tests that craft payloads). */
export const VAULT_PAYLOAD_INFO = 'hikae/vault-payload/v1';

/**
 * The payload's AAD: the part of the header that does not change with the
 * password, with the file's own version (1 for a version-1 file).
 */
export const payloadAad = (keyId: string, version: number = VAULT_VERSION) => [VAULT_FORMAT, version, keyId, 'AES-256-GCM'] as const;

const payloadDamaged = (message: string, cause?: unknown) => new VaultDamagedError('payload', message, { cause });

/** What a version-2 vault is made of: the key, the slots that wrap it, and the contents. */
export interface VaultParts {
  masterKey: Uint8Array;
  keySlots: KeySlots;
  contents: VaultContents;
}

/**
 * THE vault writer: seals `contents` with `masterKey` (fresh nonce) into a
 * version-2 file carrying `keySlots`. Every write — a change, a migration from
 * version 1, a password change, a re-key (a new key with new slots) — is this.
 * The slots' binding to the key is the caller's (they were made with it, or
 * opened with it); their structure and checksums are checked here.
 */
export async function sealVaultParts(parts: VaultParts, deps: VaultDeps): Promise<VaultFileV2> {
  checkMasterKey(parts.masterKey);
  checkKeySlots(parts.keySlots);
  for (const slot of parts.keySlots.slots.filter(isPasswordSlot)) await verifySlotChecksum(slot);
  const keyId = await keyIdOf(parts.masterKey);
  const file: VaultFileV2 = {
    format: VAULT_FORMAT,
    version: 2,
    keyId,
    slotsGeneration: parts.keySlots.generation,
    slots: parts.keySlots.slots,
    payload: await sealPayload(parts.masterKey, VAULT_PAYLOAD_INFO, encodeContents(checkContents(parts.contents)), payloadAad(keyId), deps),
  };
  // Same checks as any stored vault (structure, base64, KDF bounds): never write what can't be read.
  return parseVaultFile(file) as VaultFileV2;
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
): Promise<{ file: VaultFileV2; masterKey: Uint8Array }> {
  const checked = checkContents(contents);
  const masterKey = randomBytes(deps, KEY_BYTES);
  const passwordSlot = await createPasswordSlot(password, masterKey, deps, kdf, 1);
  const file = await sealVaultParts({ masterKey, keySlots: { generation: 1, slots: [passwordSlot] }, contents: checked }, deps);
  return { file, masterKey };
}

async function openParsed(vault: VaultFile, masterKey: Uint8Array): Promise<VaultContents> {
  return decodeContents(await openPayload(masterKey, VAULT_PAYLOAD_INFO, vault.payload, payloadAad(vault.keyId, vault.version), payloadDamaged));
}

/**
 * Opens a vault with its password (runs Argon2id: ~0.3 s per password slot
 * tried). Throws {@link WrongPasswordError}, {@link VaultDamagedError} (with
 * the `problem`), or {@link UnsupportedVaultVersionError}.
 */
export async function unlockVault(file: unknown, password: string): Promise<{ masterKey: Uint8Array; contents: VaultContents; file: VaultFile }> {
  const vault = parseVaultFile(file);
  const masterKey = await unwrapKeySlots(keySlotsOf(vault), password);
  if ((await keyIdOf(masterKey)) !== vault.keyId) {
    throw new VaultDamagedError('key-id', "The vault's key id does not match its key: the file was changed or corrupted.");
  }
  return { masterKey, contents: await openParsed(vault, masterKey), file: vault };
}

/**
 * Opens a vault with the master key kept in the session: no KDF, the fast path
 * of every request. Throws {@link VaultKeyMismatchError} when the key is not
 * this vault's, otherwise as {@link unlockVault} (never WrongPasswordError).
 */
export async function openVault(file: unknown, masterKey: Uint8Array): Promise<VaultContents> {
  const vault = parseVaultFile(file);
  await requireKeyId(masterKey, vault.keyId, 'vault');
  return openParsed(vault, masterKey);
}

/**
 * Encrypts new contents into the vault: a fresh nonce, the key slots unchanged.
 * A version-1 file comes out as version 2 (the migration on first write).
 * Returns the complete new file (write it in one storage write).
 */
export async function sealVault(file: VaultFile, masterKey: Uint8Array, contents: VaultContents, deps: VaultDeps): Promise<VaultFileV2> {
  const vault = parseVaultFile(file);
  await requireKeyId(masterKey, vault.keyId, 'vault');
  return sealVaultParts({ masterKey, keySlots: keySlotsOf(vault), contents }, deps);
}

/**
 * Changes the password: re-wraps the master key in a new password slot (new
 * salt, new nonce, generation + 1; the list's generation + 1). A version-2
 * payload is kept byte for byte; a version-1 vault is migrated (its payload
 * sealed again under the version-2 AAD). The old password stops working. The
 * caller should have checked the current password ({@link unlockVault}) first.
 */
export async function changePassword(file: VaultFile, masterKey: Uint8Array, newPassword: string, deps: VaultDeps, kdf?: KdfParams): Promise<VaultFileV2> {
  const vault = parseVaultFile(file);
  checkMasterKey(masterKey);
  await requireKeyId(masterKey, vault.keyId, 'vault');
  const keySlots = await withNewPassword(keySlotsOf(vault), masterKey, newPassword, deps, kdf);
  if (vault.version === 1) return sealVaultParts({ masterKey, keySlots, contents: await openParsed(vault, masterKey) }, deps);
  return parseVaultFile({ ...vault, slotsGeneration: keySlots.generation, slots: keySlots.slots }) as VaultFileV2;
}

/**
 * A vault for an existing master key and the key slots that wrap it — e.g. the
 * slots carried by a backup (so a restored device keeps the same key and
 * password without running Argon2id again). The slots' checksums are verified;
 * their binding to `masterKey` is the caller's to establish (opening the backup
 * with the key does). Throws {@link VaultDamagedError}('checksum') for a damaged slot.
 */
export async function createVaultWithSlots(keySlots: KeySlots, masterKey: Uint8Array, contents: VaultContents, deps: VaultDeps): Promise<VaultFileV2> {
  return sealVaultParts({ masterKey, keySlots, contents }, deps);
}
