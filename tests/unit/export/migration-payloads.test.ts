import { describe, expect, it } from 'vitest';
import { importFile } from '../../../lib/import';
import type { AccountDraft } from '../../../lib/otp/account';
import { secretFromBytes } from '../../../lib/otp/secret';
import { toMigrationPayloads } from '../../../lib/export/migration-payloads';
import { parseMigrationUri } from '../../../lib/migration/uri';
import { plainAccounts } from '../import/fixtures';

const many = (count: number): AccountDraft[] =>
  Array.from({ length: count }, (_, i) => ({
    issuer: `Service ${i}`,
    accountName: `user${i}@example.com`,
    secret: secretFromBytes(Uint8Array.from({ length: 20 }, (_, j) => (i + j * 13) & 0xff)),
    type: i % 4 === 0 ? ('hotp' as const) : ('totp' as const),
    algorithm: 'SHA1' as const,
    digits: i % 2 === 0 ? 6 : 8,
    period: 30,
    counter: i % 4 === 0 ? i : 0,
  }));

describe('toMigrationPayloads', () => {
  it('lists what Google Authenticator cannot hold (Steam, 7 digits, non-30 s periods) and exports the rest', async () => {
    const plain = plainAccounts();
    const { uris, notExported } = toMigrationPayloads(plain, { batchId: 5 });
    expect(notExported.map(({ index, reason }) => [index, reason.code])).toEqual([
      [1, 'digits/unsupported'],
      [2, 'period/unsupported'],
      [4, 'digits/unsupported'],
      [6, 'type/unsupported'],
    ]);
    const result = await importFile({ text: uris.join('\n') });
    expect(result.format).toBe('google-authenticator');
    expect(result.accounts).toEqual([plain[0], plain[3], plain[5]]);
  });

  it('splits into batches of at most batchSize accounts with common batch fields', () => {
    const { uris } = toMigrationPayloads(many(25), { batchSize: 10, batchId: 77 });
    const payloads = uris.map(parseMigrationUri);
    expect(payloads.map((p) => [p.otpParameters.length, p.batchSize, p.batchIndex, p.batchId, p.version])).toEqual([
      [10, 3, 0, 77, 1],
      [10, 3, 1, 77, 1],
      [5, 3, 2, 77, 1],
    ]);
  });

  it('keeps every link within maxUriLength, splitting earlier for long names', () => {
    const long = many(12).map((a) => ({ ...a, issuer: `${a.issuer} ${'x'.repeat(120)}` }));
    const { uris } = toMigrationPayloads(long, { batchId: 1 });
    expect(uris.length).toBeGreaterThan(2);
    for (const uri of uris) expect(uri.length).toBeLessThanOrEqual(1000);
    expect(uris.flatMap((uri) => parseMigrationUri(uri).otpParameters)).toHaveLength(12);
  });

  it('gives an account too big for one link a link of its own', () => {
    const huge = { ...many(1)[0]!, issuer: 'y'.repeat(256), accountName: 'z'.repeat(256), secret: 'A'.repeat(1024) };
    const { uris } = toMigrationPayloads([...many(2), huge, ...many(2)], { batchId: 1 });
    expect(uris.map((uri) => parseMigrationUri(uri).otpParameters.length)).toEqual([2, 1, 2]);
  });

  it('round-trips a multi-batch export through importFile, order included', async () => {
    const accounts = many(37);
    const { uris } = toMigrationPayloads(accounts, { batchId: 9 });
    const shuffled = [...uris].reverse();
    const result = await importFile({ text: shuffled.join('\n') });
    expect(result.accounts).toEqual(accounts);
    expect(result.warnings).toEqual([]);
  });

  it('warns through importFile when a QR code of the export is missing', async () => {
    const { uris } = toMigrationPayloads(many(25), { batchId: 9 });
    const result = await importFile({ text: [uris[0], uris[2]].join('\n') });
    expect(result.warnings.map((w) => w.code)).toEqual(['migration-batch-incomplete']);
  });

  it('picks a positive 31-bit batch id when none is given', () => {
    const [uri] = toMigrationPayloads(many(1)).uris;
    const { batchId } = parseMigrationUri(uri!);
    expect(batchId).toBeGreaterThan(0);
    expect(batchId).toBeLessThan(2 ** 31);
  });
});
