import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../lib/import';
import { fixtureText, plainAccounts } from '../fixtures';

const plain = plainAccounts();
type Backup = { tokenOrder: string[]; tokens: Record<string, unknown>[] };
const backup = (): Backup => JSON.parse(fixtureText('freeotp_plus.json')) as Backup;

describe('FreeOTP+', () => {
  it('follows tokenOrder, not the array order', async () => {
    const b = backup();
    b.tokenOrder.reverse();
    expect((await importFile({ text: JSON.stringify(b) })).accounts).toEqual(plain.slice(0, 6));
  });

  it('converts signed bytes and adds 1 to the stored HOTP counter (FreeOTP stores the last one used)', async () => {
    const b = backup();
    b.tokens = [{ type: 'HOTP', algo: 'SHA1', digits: 6, counter: 0, issuerExt: 'X', label: 'y', secret: [-1, 0, 127, -128] }];
    b.tokenOrder = [];
    const [account] = (await importFile({ text: JSON.stringify(b) })).accounts;
    // base64.b32encode(bytes([255, 0, 127, 128])) in Python: '74AH7AA='
    expect(account).toMatchObject({ type: 'hotp', counter: 1, secret: '74AH7AA' });
  });

  it('reads a 5-digit TOTP token issued by Steam as Steam', async () => {
    const b = backup();
    b.tokens = [{ type: 'TOTP', algo: 'SHA1', digits: 5, period: 30, issuerExt: 'Steam', label: 'Sophia', secret: [76, 114, 37, 243 - 256, 226 - 256, 101, 234 - 256, 232 - 256, 49, 175 - 256, 204 - 256, 116, 95, 167 - 256, 145 - 256, 50] }];
    const [account] = (await importFile({ text: JSON.stringify(b) })).accounts;
    expect(account).toEqual({ ...plain[6], issuer: 'Steam' });
  });

  it('skips a token whose secret is not bytes', async () => {
    const b = backup();
    b.tokens[0]!.secret = [1, 2, 300];
    const result = await importFile({ text: JSON.stringify(b) });
    expect(result.skipped).toEqual([{ index: 0, label: 'WWE: Mason', reason: { code: 'secret/malformed', message: expect.any(String) } }]);
  });
});
