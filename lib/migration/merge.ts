import { EntryCollector, entryLabel, type ParsedEntries } from '../import/entries';
import { InvalidMigrationPayloadError, MigrationPayloadCutShortError } from './errors';
import { otpParametersToDraft } from './accounts';
import type { MigrationPayload } from './schema';
import { parseMigrationUri } from './uri';

/** Larger batch sizes are not a real export (Google splits a few hundred accounts at most). */
const MAX_BATCH_SIZE = 1000;

/** Which QR codes of one export were supplied and which are still missing. */
export interface MigrationBatchStatus {
  batchId: number;
  /** Number of QR codes the export consists of. */
  batchSize: number;
  /** `batch_index` values supplied, ascending, each once. */
  receivedIndexes: number[];
  /** `batch_index` values of this export not supplied yet, ascending. */
  missingIndexes: number[];
}

/** A QR code whose payload ends early (MigrationPayloadCutShortError): listed in `skipped` too. */
export interface MigrationCutShort {
  /** 0-based position of the link among those given. */
  position: number;
  /** Complete account records before the end; they are not imported from a cut link. */
  accountsRead: number;
}

export interface MigrationImport extends ParsedEntries {
  /** Links whose data ends early, in the order given. */
  cutShort: MigrationCutShort[];
  /** One status per export (batch_id), in the order first seen. */
  batches: MigrationBatchStatus[];
  /** Every QR code of every export was supplied. */
  complete: boolean;
}

interface Part {
  position: number;
  payload: MigrationPayload;
}

/**
 * Combines the QR codes of one or more Google Authenticator exports, in any order
 * and with repeats: parts are grouped by `batch_id`, a part scanned twice counts
 * once, and accounts come out ordered by export (first seen), `batch_index`, then
 * position. A link that cannot be decoded is listed in `skipped` ("QR code N").
 * @param uris `otpauth-migration://offline?data=…` links
 */
export function mergeMigrationPayloads(uris: readonly string[]): MigrationImport {
  const collector = new EntryCollector();
  const cutShort: MigrationCutShort[] = [];
  const groups = new Map<number, Map<number, Part>>();
  uris.forEach((uri, position) => {
    let payload: MigrationPayload;
    try {
      payload = parseMigrationUri(uri);
    } catch (error) {
      if (!(error instanceof InvalidMigrationPayloadError)) throw error;
      const code = error instanceof MigrationPayloadCutShortError ? 'migration-cut-short' : 'damaged-migration-payload';
      if (error instanceof MigrationPayloadCutShortError) cutShort.push({ position, accountsRead: error.accountsRead });
      collector.skip(`QR code ${position + 1}`, { code, message: error.message });
      return;
    }
    if (payload.batchSize > MAX_BATCH_SIZE || payload.batchIndex < 0 || (payload.batchSize > 0 && payload.batchIndex >= payload.batchSize)) {
      collector.skip(`QR code ${position + 1}`, {
        code: 'damaged-migration-payload',
        message: `The QR code says it is part ${payload.batchIndex + 1} of ${payload.batchSize}, which is impossible.`,
      });
      return;
    }
    const group = groups.get(payload.batchId) ?? new Map<number, Part>();
    groups.set(payload.batchId, group);
    if (!group.has(payload.batchIndex)) group.set(payload.batchIndex, { position, payload });
  });

  const batches: MigrationBatchStatus[] = [];
  for (const [batchId, group] of groups) {
    const parts = [...group.values()].sort((a, b) => a.payload.batchIndex - b.payload.batchIndex);
    const batchSize = Math.max(1, ...parts.map((part) => part.payload.batchSize));
    const receivedIndexes = parts.map((part) => part.payload.batchIndex);
    const missingIndexes = Array.from({ length: batchSize }, (_, i) => i).filter((i) => !group.has(i));
    batches.push({ batchId, batchSize, receivedIndexes, missingIndexes });
    for (const { payload, position } of parts) {
      payload.otpParameters.forEach((otp, i) => {
        collector.add(entryLabel(otp.issuer, otp.name, `account ${i + 1} of QR code ${position + 1}`), () => otpParametersToDraft(otp));
      });
    }
  }
  const complete = batches.every((batch) => batch.missingIndexes.length === 0);
  for (const batch of batches) {
    if (batch.missingIndexes.length > 0) {
      collector.warn({
        code: 'migration-batch-incomplete',
        message: `${batch.missingIndexes.length} of the ${batch.batchSize} QR codes of this Google Authenticator export are missing (numbers ${batch.missingIndexes.map((i) => i + 1).join(', ')}); scan them too to get every account.`,
      });
    }
  }
  return { ...collector.result(), batches, complete, cutShort };
}
