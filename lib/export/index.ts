/*
 * Exports to other authenticators. Our own encrypted export reuses the vault format
 * (docs/vault-format.md) and is written by lib/vault; it is named here so callers
 * list every format in one place, and read back through importFile's `parsers` seam.
 */
export { toOtpUriList } from './otp-uri-list';
export { toAegisPlainJson, AEGIS_DB_VERSION, type AegisPlainOptions } from './aegis-plain';
export {
  toMigrationPayloads,
  DEFAULT_MIGRATION_BATCH_SIZE,
  DEFAULT_MIGRATION_MAX_URI_LENGTH,
  type MigrationExportOptions,
  type MigrationExport,
} from './migration-payloads';

/** Every export format; `hikae-encrypted` is implemented by lib/vault, not here. */
export type ExportFormat = 'otpauth-uri-list' | 'aegis-plain' | 'google-authenticator' | 'hikae-encrypted';
