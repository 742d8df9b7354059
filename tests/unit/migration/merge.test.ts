import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../../lib/otp/account';
import { secretFromBytes } from '../../../lib/otp/secret';
import { toMigrationPayloads } from '../../../lib/export/migration-payloads';
import { mergeMigrationPayloads } from '../../../lib/migration/merge';
import { formatMigrationUri } from '../../../lib/migration/uri';

const accounts = (count: number, prefix: string): AccountDraft[] =>
  Array.from({ length: count }, (_, i) => ({
    issuer: `${prefix} Dienst ${i}`,
    accountName: `nutzer-${i}@例え.jp`,
    secret: secretFromBytes(Uint8Array.from({ length: 20 }, (_, j) => (i * 31 + j * 7) & 0xff)),
    type: i % 3 === 0 ? ('hotp' as const) : ('totp' as const),
    algorithm: (['SHA1', 'SHA256', 'SHA512'] as const)[i % 3]!,
    digits: i % 2 === 0 ? 6 : 8,
    period: 30,
    counter: i % 3 === 0 ? i * 1000 : 0,
  }));

describe('mergeMigrationPayloads', () => {
  const first = accounts(25, 'A');
  const { uris } = toMigrationPayloads(first, { batchSize: 10, batchId: 111 });

  it('combines the QR codes of one export in any order and with repeats, in batch order', () => {
    const scanned = [uris[2]!, uris[0]!, uris[2]!, uris[1]!];
    const merged = mergeMigrationPayloads(scanned);
    expect(merged.accounts).toEqual(first);
    expect(merged.batches).toEqual([{ batchId: 111, batchSize: 3, receivedIndexes: [0, 1, 2], missingIndexes: [] }]);
    expect(merged.complete).toBe(true);
    expect(merged.warnings).toEqual([]);
  });

  it('says which parts are missing', () => {
    const merged = mergeMigrationPayloads([uris[2]!, uris[0]!]);
    expect(merged.complete).toBe(false);
    expect(merged.batches[0]?.missingIndexes).toEqual([1]);
    expect(merged.warnings).toEqual([{ code: 'migration-batch-incomplete', message: expect.stringContaining('(numbers 2)') }]);
    expect(merged.accounts).toEqual([...first.slice(0, 10), ...first.slice(20)]);
  });

  it('keeps two exports apart, in the order first seen', () => {
    const second = accounts(3, 'B');
    const other = toMigrationPayloads(second, { batchId: 222 }).uris;
    const merged = mergeMigrationPayloads([other[0]!, ...uris]);
    expect(merged.batches.map((b) => b.batchId)).toEqual([222, 111]);
    expect(merged.accounts).toEqual([...second, ...first]);
  });

  it('lists an undecodable or impossible QR code as skipped and reads the rest', () => {
    const impossible = formatMigrationUri({ otpParameters: [], version: 1, batchSize: 2, batchIndex: 5, batchId: 9 });
    const merged = mergeMigrationPayloads(['otpauth-migration://offline?data=%%%', uris[0]!, impossible, uris[1]!, uris[2]!]);
    expect(merged.accounts).toEqual(first);
    expect(merged.skipped).toEqual([
      { index: 0, label: 'QR code 1', reason: { code: 'damaged-migration-payload', message: expect.stringContaining('base64') } },
      { index: 1, label: 'QR code 3', reason: { code: 'damaged-migration-payload', message: expect.stringContaining('part 6 of 2') } },
    ]);
  });
});
