import { z } from 'zod';
import { decodeBase64Field } from './bytes';
import { UnsupportedVaultVersionError, VaultDamagedError } from './errors';
import { checkFormatAndVersion, checkPayloadFields, describeIssues, EncryptedPayload, fileValue, KEY_ID_BYTES } from './envelope';
import { checkSlotFields, PasswordSlot } from './password-slot';

/** The format id of a vault file. */
export const VAULT_FORMAT = 'hikae-vault';
/** The file version this code reads and writes. */
export const VAULT_VERSION = 1;

/** The vault as stored (one value in storage.local). Layout: docs/vault-format.md. */
export const VaultFile = z.strictObject({
  format: z.literal(VAULT_FORMAT),
  version: z.literal(VAULT_VERSION),
  /** HKDF(master key, "hikae/key-id/v1"), base64 of 16 bytes. */
  keyId: z.string(),
  passwordSlot: PasswordSlot,
  payload: EncryptedPayload,
});
export type VaultFile = z.infer<typeof VaultFile>;

const damaged = (problem: 'not-json' | 'structure') => (message: string, cause?: unknown) =>
  new VaultDamagedError(problem, message, { cause });

/**
 * Checks a stored vault's structure and version, without any key: JSON, format
 * id, version, strict fields, base64 and lengths, KDF bounds. Accepts the
 * object or its JSON text. Throws {@link VaultDamagedError} or
 * {@link UnsupportedVaultVersionError}.
 */
export function parseVaultFile(file: unknown): VaultFile {
  const value = fileValue(file, 'vault', damaged('not-json'));
  checkFormatAndVersion(value, VAULT_FORMAT, VAULT_VERSION, {
    damaged: damaged('structure'),
    unsupported: (version) =>
      new UnsupportedVaultVersionError(version, 'file', `The vault is format version ${version}; this version of the extension reads up to ${VAULT_VERSION}. Update the extension.`),
  });
  const parsed = VaultFile.safeParse(value);
  if (!parsed.success) {
    throw new VaultDamagedError('structure', `The vault file is malformed: ${describeIssues(parsed.error)}`, { cause: parsed.error });
  }
  const vault = parsed.data;
  decodeBase64Field(vault.keyId, 'keyId', { exactly: KEY_ID_BYTES });
  checkSlotFields(vault.passwordSlot);
  checkPayloadFields(vault.payload);
  return vault;
}
