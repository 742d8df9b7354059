import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../lib/import';
import { fixtureText, plainAccounts } from '../fixtures';

const plain = plainAccounts();

type Vault = { db: { version: number; entries: Record<string, unknown>[] } };
const vault = (): Vault => JSON.parse(fixtureText('aegis_plain.json')) as Vault;

describe('Aegis', () => {
  it('skips mOTP/Yandex entries and bad secrets, keeping the rest in order', async () => {
    const v = vault();
    v.db.entries.splice(1, 0, { type: 'motp', uuid: 'x', name: 'M', issuer: 'Motp', info: { secret: 'AAAA', algo: 'MD5', digits: 6, period: 10, pin: '1234' } });
    (v.db.entries[3]!.info as Record<string, unknown>).secret = 'not base32!';
    v.db.entries.push('not an object' as unknown as Record<string, unknown>);
    const result = await importFile({ text: JSON.stringify(v) });
    expect(result.accounts).toEqual([plain[0], plain[1], ...plain.slice(3)]);
    expect(result.skipped).toEqual([
      { index: 1, label: 'Motp: M', reason: { code: 'unsupported-type', message: expect.stringContaining('"motp"') } },
      { index: 3, label: 'Airbnb: Elijah', reason: { code: 'secret/invalid-base32', message: expect.any(String) } },
      { index: 8, label: 'entry 9', reason: { code: 'not-an-entry', message: expect.any(String) } },
    ]);
  });

  it('skips an entry whose field has the wrong JSON type, naming the field', async () => {
    const v = vault();
    (v.db.entries[0]!.info as Record<string, unknown>).digits = '6';
    const result = await importFile({ text: JSON.stringify(v) });
    expect(result.skipped).toEqual([{ index: 0, label: 'Deno: Mason', reason: { code: 'malformed', message: 'The field "digits" is not a number.' } }]);
  });

  it('warns about a content version newer than it knows, and still reads it', async () => {
    const v = vault();
    v.db.version = 4;
    const result = await importFile({ text: JSON.stringify(v) });
    expect(result.accounts).toEqual(plain);
    expect(result.warnings.map((w) => w.code)).toEqual(['newer-version']);
  });
});
