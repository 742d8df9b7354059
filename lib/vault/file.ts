import { z } from 'zod';
import { decodeBase64Field } from './bytes';
import { UnsupportedVaultVersionError, VaultDamagedError } from './errors';
import { checkFormatAndVersion, checkPayloadFields, describeIssues, EncryptedPayload, fileValue, KEY_ID_BYTES } from './envelope';
import { checkKeySlots, SlotList, type KeySlots } from './key-slots';
import { PasswordSlot } from './password-slot';

/** The format id of a vault file. */
export const VAULT_FORMAT = 'hikae-vault';
/** The file version this code writes. */
export const VAULT_VERSION = 2;
/** Every file version this code reads (version 1 forever). */
export const READABLE_VAULT_VERSIONS = [1, 2] as const;

/** Version 1: one password slot. Read forever, never written again (docs/vault-format.md). */
export const VaultFileV1 = z.strictObject({
  format: z.literal(VAULT_FORMAT),
  version: z.literal(1),
  keyId: z.string(),
  passwordSlot: PasswordSlot,
  payload: EncryptedPayload,
});
export type VaultFileV1 = z.infer<typeof VaultFileV1>;

/** Version 2: a list of key slots. Layout: docs/vault-format.md. */
export const VaultFileV2 = z.strictObject({
  format: z.literal(VAULT_FORMAT),
  version: z.literal(2),
  /** HKDF(master key, "hikae/key-id/v1"), base64 of 16 bytes. */
  keyId: z.string(),
  /** +1 on every change of `slots`. */
  slotsGeneration: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  slots: SlotList,
  payload: EncryptedPayload,
});
export type VaultFileV2 = z.infer<typeof VaultFileV2>;

/** The vault as stored (one value in storage.local), of any readable version. */
export const VaultFile = z.discriminatedUnion('version', [VaultFileV1, VaultFileV2]);
export type VaultFile = z.infer<typeof VaultFile>;

/** What carries key slots: a vault or backup file of version 1 (one slot) or 2 (a list). */
export type SlotCarrier = { version: 1; passwordSlot: PasswordSlot } | { version: 2; slotsGeneration: number; slots: KeySlots['slots'] };

/** The key slots of a file; a version-1 file is the list of its one password slot. */
export function keySlotsOf(file: SlotCarrier): KeySlots {
  return file.version === 1
    ? { generation: file.passwordSlot.generation, slots: [file.passwordSlot] }
    : { generation: file.slotsGeneration, slots: file.slots };
}

const damaged = (problem: 'not-json' | 'structure') => (message: string, cause?: unknown) =>
  new VaultDamagedError(problem, message, { cause });

/**
 * Checks a stored vault's structure and version, without any key: JSON, format
 * id, version (1 or 2), strict fields, the slot list, base64 and lengths, KDF
 * bounds. Accepts the object or its JSON text. Throws {@link VaultDamagedError}
 * or {@link UnsupportedVaultVersionError}.
 */
export function parseVaultFile(file: unknown): VaultFile {
  const value = fileValue(file, 'vault', damaged('not-json'));
  const version = checkFormatAndVersion(value, VAULT_FORMAT, READABLE_VAULT_VERSIONS, {
    damaged: damaged('structure'),
    unsupported: (found) =>
      new UnsupportedVaultVersionError(found, 'file', `The vault is format version ${found}; this version of the extension reads up to ${VAULT_VERSION}. Update the extension.`),
  });
  const parsed = (version === 1 ? VaultFileV1 : VaultFileV2).safeParse(value);
  if (!parsed.success) {
    throw new VaultDamagedError('structure', `The vault file is malformed: ${describeIssues(parsed.error)}`, { cause: parsed.error });
  }
  const vault = parsed.data;
  decodeBase64Field(vault.keyId, 'keyId', { exactly: KEY_ID_BYTES });
  checkKeySlots(keySlotsOf(vault));
  checkPayloadFields(vault.payload);
  return vault;
}
