export * from './schema';
export * from './errors';
export { decodeMigrationPayload, encodeMigrationPayload } from './payload';
export { parseMigrationUri, formatMigrationUri, isMigrationUri } from './uri';
export { otpParametersToDraft, draftToOtpParameters, MIGRATION_PERIOD_SECONDS, type NotRepresentable } from './accounts';
export { mergeMigrationPayloads, type MigrationImport, type MigrationBatchStatus, type MigrationCutShort } from './merge';
