import { z } from 'zod';
import { UnsupportedVaultVersionError, VaultDamagedError } from './errors';
import { envelopeV1Fields, envelopeV2Fields } from './envelope';
import { parseEnvelope, type EnvelopeKind } from './parse-envelope';

export { keySlotsOf, type SlotCarrier } from './key-slots';

/** The format id of a vault file. */
export const VAULT_FORMAT = 'hikae-vault';
/** The file version this code writes. */
export const VAULT_VERSION = 2;
/** Every file version this code reads (version 1 forever). */
export const READABLE_VAULT_VERSIONS = [1, 2] as const;

/** Version 1: one password slot. Read forever, never written again (docs/vault-format.md). */
export const VaultFileV1 = z.strictObject(envelopeV1Fields(VAULT_FORMAT, {}));
export type VaultFileV1 = z.infer<typeof VaultFileV1>;

/** Version 2: a list of key slots. Layout: docs/vault-format.md. */
export const VaultFileV2 = z.strictObject(envelopeV2Fields(VAULT_FORMAT, {}));
export type VaultFileV2 = z.infer<typeof VaultFileV2>;

/** The vault as stored (one value in storage.local), of any readable version. */
export const VaultFile = z.discriminatedUnion('version', [VaultFileV1, VaultFileV2]);
export type VaultFile = z.infer<typeof VaultFile>;

/** The vault's side of the shared envelope reading (lib/vault/parse-envelope.ts). */
const VAULT_KIND: EnvelopeKind<VaultFile> = {
  what: 'vault', format: VAULT_FORMAT, schemas: { 1: VaultFileV1, 2: VaultFileV2 },
  Damaged: VaultDamagedError, Unsupported: UnsupportedVaultVersionError,
};

/**
 * Checks a stored vault's structure and version, without any key: JSON, format
 * id, version (1 or 2), strict fields, the slot list, base64 and lengths, KDF
 * bounds. Accepts the object or its JSON text. Throws {@link VaultDamagedError}
 * or {@link UnsupportedVaultVersionError}.
 */
export function parseVaultFile(file: unknown): VaultFile {
  return parseEnvelope(file, VAULT_KIND);
}
