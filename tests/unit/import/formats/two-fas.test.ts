import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../lib/import';
import { fixtureText, plainAccounts } from '../fixtures';

const plain = plainAccounts();

type Backup = { services: { name: string; order: { position: number }; otp: Record<string, unknown> }[]; schemaVersion: number };
const backup = (): Backup => JSON.parse(fixtureText('2fas_authenticator_plain_v4.2fas')) as Backup;

describe('2FAS', () => {
  it('orders services by their position in the app', async () => {
    const b = backup();
    b.services.reverse();
    expect((await importFile({ text: JSON.stringify(b) })).accounts).toEqual([plain[0], plain[3], plain[4], plain[5], plain[6]]);
  });

  it('takes the service name the user sees as the issuer', async () => {
    const b = backup();
    b.services[0]!.name = 'Deno Land';
    expect((await importFile({ text: JSON.stringify(b) })).accounts[0]).toEqual({ ...plain[0], issuer: 'Deno Land' });
  });

  it('skips token types it cannot represent', async () => {
    const b = backup();
    b.services[1]!.otp.tokenType = 'YANDEX';
    const result = await importFile({ text: JSON.stringify(b) });
    expect(result.accounts).toHaveLength(4);
    expect(result.skipped).toEqual([{ index: 1, label: 'Issuu: James', reason: { code: 'unsupported-type', message: expect.stringContaining('YANDEX') } }]);
  });

  it('warns about a newer schema and still reads it', async () => {
    const b = backup();
    b.schemaVersion = 5;
    expect((await importFile({ text: JSON.stringify(b) })).warnings.map((w) => w.code)).toEqual(['newer-version']);
  });
});
