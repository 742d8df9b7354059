/**
 * The encrypted vault (docs/vault-format.md). The password-strength estimator
 * is deliberately NOT re-exported: it carries large dictionaries and must be
 * loaded lazily with `import('lib/vault/password-strength')`.
 */
export { createVault, unlockVault, openVault, sealVault, sealVaultParts, changePassword, createVaultWithSlots, type VaultParts } from './vault';
export { parseVaultFile, keySlotsOf, VaultFile, VaultFileV1, VaultFileV2, VAULT_FORMAT, VAULT_VERSION, READABLE_VAULT_VERSIONS, type SlotCarrier } from './file';
export { KeySlot, ForeignSlot, SlotList, compareKeySlots, sameKeySlots, slotsDigest, withNewPassword, rekeyedSlots, isPasswordSlot, MAX_SLOTS, type KeySlots } from './key-slots';
export { VaultContents, Tombstone, CURRENT_CONTENTS_VERSION, CONTENTS_MIGRATIONS, decodeContents } from './contents';
export { Settings, Theme, DEFAULT_SETTINGS } from './settings';
export { DEFAULT_KDF, KDF_READ_BOUNDS, type KdfParams } from './kdf';
export type { VaultDeps } from './deps';
export { PasswordSlot } from './password-slot';
export { keyIdOf } from './envelope';
export { migrate, type MigrationTable, type MigrationOutcome } from './migrations';
export { accountsFromDrafts, deleteAccount, reorderAccounts, updateSettings } from './contents-edits';
export { clockOf, nextStamp } from './stamps';
export { encodeBase64 } from './bytes';
export {
  WrongPasswordError,
  VaultDamagedError,
  UnsupportedVaultVersionError,
  VaultKeyMismatchError,
  InvalidVaultInputError,
  type VaultDamage,
  type VaultInputProblem,
} from './errors';
