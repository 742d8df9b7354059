import { describe, expect, it } from 'vitest';
import { toMigrationPayloads } from '../../../lib/export/migration-payloads';
import { CutShortError, importFile } from '../../../lib/import';
import { encodeBase64 } from '../../../lib/import/encoding';
import { MigrationPayloadCutShortError } from '../../../lib/migration/errors';
import { mergeMigrationPayloads } from '../../../lib/migration/merge';
import { decodeMigrationPayload, encodeMigrationPayload } from '../../../lib/migration/payload';
import type { MigrationPayload } from '../../../lib/migration/schema';
import { parseMigrationUri } from '../../../lib/migration/uri';
import { plainAccounts } from '../import/fixtures';

/*
 * A Google Authenticator export cut short must never read as a smaller, complete one
 * (issue 13: "a truncated migration payload imports 3 of 4 accounts, and says nothing").
 * Fixture: the accounts of plain.txt that Google Authenticator can hold, as one link
 * written by our exporter (byte for byte what reflection encodes: payload.test.ts).
 */
const plain = plainAccounts();
const { uris, notExported } = toMigrationPayloads(plain, { batchId: 0x5eed });
const link = uris[0]!;
const payload = parseMigrationUri(link);
const bytes = encodeMigrationPayload(payload);
const exportable = plain.filter((_, i) => !notExported.some((omitted) => omitted.index === i));

/** Bytes where each account record ends: a cut at or after boundary k has k whole records. */
const recordEnds = payload.otpParameters.map((_, k) => encodeMigrationPayload({ ...payload, otpParameters: payload.otpParameters.slice(0, k + 1), version: 0, batchSize: 0, batchIndex: 0, batchId: 0 }).length);
const wholeRecordsBefore = (cut: number): number => recordEnds.filter((end) => end <= cut).length;

function outcomeOf(read: () => unknown): { payload: unknown } | { cutShort: number } {
  try {
    return { payload: read() };
  } catch (error) {
    if (error instanceof MigrationPayloadCutShortError) return { cutShort: error.accountsRead };
    throw error;
  }
}

describe('a migration payload cut short', () => {
  it('has the fixture this test needs: one link, several accounts, closing fields after them', () => {
    expect(uris).toHaveLength(1);
    expect(payload.otpParameters.length).toBe(exportable.length);
    expect(exportable.length).toBeGreaterThanOrEqual(3);
    expect(recordEnds.at(-1)).toBeLessThan(bytes.length);
  });

  // Every cut of the protobuf bytes: the whole accounts, or the typed error counting the records before the cut.
  const cuts = Array.from({ length: bytes.length + 1 }, (_, cut) => ({ cut }));
  it.each(cuts)('cut at byte $cut: every account, or cut short with the records read before it', ({ cut }) => {
    const outcome = outcomeOf(() => decodeMigrationPayload(bytes.slice(0, cut)));
    if ('payload' in outcome) {
      // Only a cut inside the trailing batch fields leaves every account and both closing fields.
      expect(outcome.payload).toMatchObject({ otpParameters: payload.otpParameters, version: payload.version, batchSize: payload.batchSize });
      expect(cut).toBeGreaterThan(recordEnds.at(-1)!);
    } else {
      expect(outcome.cutShort).toBe(wholeRecordsBefore(cut));
    }
  });

  it.each([
    { what: 'the whole payload', cut: bytes.length, outcome: { payload } },
    { what: 'nothing but the first record', cut: recordEnds[0]!, outcome: { cutShort: 1 } },
    { what: 'every record and no closing fields (read before: as a smaller, complete export)', cut: recordEnds.at(-1)!, outcome: { cutShort: exportable.length } },
    { what: 'one byte short of the last record', cut: recordEnds.at(-1)! - 1, outcome: { cutShort: exportable.length - 1 } },
    { what: 'an empty payload', cut: 0, outcome: { cutShort: 0 } },
  ])('$what', ({ cut, outcome }) => {
    expect(outcomeOf(() => decodeMigrationPayload(bytes.slice(0, cut)))).toEqual(outcome);
  });

  // Every cut of the link's text after "data=": the whole export, or CutShortError; never fewer accounts.
  const dataStart = link.indexOf('data=') + 'data='.length + 1;
  const textCuts = Array.from({ length: link.length - dataStart + 1 }, (_, i) => ({ cut: dataStart + i }));
  it.each(textCuts)('link text cut at character $cut: every account or CutShortError', async ({ cut }) => {
    const text = link.slice(0, cut);
    try {
      const result = await importFile({ text });
      expect(result.accounts).toEqual(exportable);
      expect(result.skipped).toEqual([]);
    } catch (error) {
      expect(error).toBeInstanceOf(CutShortError);
      const { accountsRead } = error as CutShortError;
      expect(accountsRead).toBeLessThanOrEqual(exportable.length);
      expect((error as Error).message).toContain(`${accountsRead} account(s) could be read in all; nothing was imported.`);
    }
  });

  it('refuses the whole text when one QR code of several is cut short, counting the accounts of the others', async () => {
    const parts = toMigrationPayloads(plain, { batchId: 9, batchSize: 2 }).uris;
    expect(parts).toHaveLength(2);
    const second = parseMigrationUri(parts[1]!);
    const cutSecond = { ...second, version: 0, batchSize: 0, batchIndex: 0, batchId: 0 } satisfies MigrationPayload;
    const cutLink = `otpauth-migration://offline?data=${encodeURIComponent(encodeBase64(encodeMigrationPayload(cutSecond)))}`;
    const firstCount = parseMigrationUri(parts[0]!).otpParameters.length;
    const error = await importFile({ text: `${parts[0]}\n${cutLink}` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CutShortError);
    expect(error).toMatchObject({ code: 'cut-short', accountsRead: firstCount + second.otpParameters.length });
    expect((error as Error).message).toMatch(/QR code 2 ends after \d+ account record/);
  });

  it('lists a cut QR code in a merge as skipped with its own code (the scan path reports it)', () => {
    const cut = `otpauth-migration://offline?data=${encodeURIComponent(encodeBase64(bytes.slice(0, recordEnds[1])))}`;
    const merged = mergeMigrationPayloads([cut]);
    expect(merged.accounts).toEqual([]);
    expect(merged.cutShort).toEqual([{ position: 0, accountsRead: 2 }]);
    expect(merged.skipped).toEqual([{ index: 0, label: 'QR code 1', reason: { code: 'migration-cut-short', message: expect.stringContaining('cut short') } }]);
  });
});
