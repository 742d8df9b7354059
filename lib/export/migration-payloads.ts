import type { AccountDraft } from '../otp/account';
import { draftToOtpParameters, type NotRepresentable } from '../migration/accounts';
import { MIGRATION_VERSION, type MigrationOtpParameters } from '../migration/schema';
import { formatMigrationUri } from '../migration/uri';

/*
 * Google Authenticator "Transfer accounts" QR code links, split like the app splits
 * them (docs/import-export-formats.md#export).
 */

/** Accounts per QR code, as Google Authenticator puts them. */
export const DEFAULT_MIGRATION_BATCH_SIZE = 10;
/**
 * Characters per link: 1 000 fits a QR code of version 25 at error correction M
 * (117×117 modules), which phones scan easily from a screen.
 */
export const DEFAULT_MIGRATION_MAX_URI_LENGTH = 1000;

export interface MigrationExportOptions {
  /** Most accounts per QR code; default {@link DEFAULT_MIGRATION_BATCH_SIZE}. */
  batchSize?: number;
  /** Most characters per link; default {@link DEFAULT_MIGRATION_MAX_URI_LENGTH}. An account too big alone gets its own link. */
  maxUriLength?: number;
  /** The export's batch_id (a positive 31-bit integer); default random from WebCrypto. */
  batchId?: number;
}

export interface MigrationExport {
  /** `otpauth-migration://offline?data=…` links, one per QR code, in order. */
  uris: string[];
  /** Accounts Google Authenticator cannot hold, with the reason; nothing is changed to fit. */
  notExported: { index: number; account: AccountDraft; reason: NotRepresentable }[];
}

function randomBatchId(): number {
  const [value = 1] = globalThis.crypto.getRandomValues(new Uint32Array(1));
  return (value & 0x7fffffff) || 1;
}

/**
 * Splits the accounts into Google Authenticator export links. Each link carries
 * batch_size (the number of links), its batch_index and the common batch_id.
 */
export function toMigrationPayloads(accounts: readonly AccountDraft[], options: MigrationExportOptions = {}): MigrationExport {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_MIGRATION_BATCH_SIZE));
  const maxUriLength = options.maxUriLength ?? DEFAULT_MIGRATION_MAX_URI_LENGTH;
  const batchId = options.batchId ?? randomBatchId();

  const notExported: MigrationExport['notExported'] = [];
  const records: MigrationOtpParameters[] = [];
  accounts.forEach((account, index) => {
    const record = draftToOtpParameters(account);
    if (record.ok) records.push(record.value);
    else notExported.push({ index, account, reason: record.reason });
  });

  // The link length depends on batch_size/index only by a few bytes; measure with the
  // largest values they can take so that a batch measured to fit still fits at the end.
  const measure = (batch: MigrationOtpParameters[]): number =>
    formatMigrationUri({ otpParameters: batch, version: MIGRATION_VERSION, batchSize: records.length || 1, batchIndex: records.length || 1, batchId }).length;
  const batches: MigrationOtpParameters[][] = [];
  let current: MigrationOtpParameters[] = [];
  for (const record of records) {
    const candidate = [...current, record];
    if (current.length > 0 && (candidate.length > batchSize || measure(candidate) > maxUriLength)) {
      batches.push(current);
      current = [record];
    } else {
      current = candidate;
    }
  }
  if (current.length > 0) batches.push(current);

  const uris = batches.map((otpParameters, batchIndex) =>
    formatMigrationUri({ otpParameters, version: MIGRATION_VERSION, batchSize: batches.length, batchIndex, batchId }),
  );
  return { uris, notExported };
}
