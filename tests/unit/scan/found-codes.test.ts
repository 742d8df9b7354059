import { describe, expect, it } from 'vitest';
import { formatMigrationUri, MIGRATION_ALGORITHM, MIGRATION_DIGITS, MIGRATION_OTP_TYPE, type MigrationOtpParameters } from '../../../lib/migration';
import { secretBytes } from '../../../lib/otp/secret';
import { accountKey, readFoundCodes } from '../../../lib/scan/found-codes';

const A = 'JBSWY3DPEHPK3PXP';
const B = 'KRSXG5CTMVRXEZLU';
const C = 'GEZDGNBVGY3TQOJQ';

function otp(secret: string, name: string, issuer: string, extra: Partial<MigrationOtpParameters> = {}): MigrationOtpParameters {
  return { secret: secretBytes(secret), name, issuer, algorithm: MIGRATION_ALGORITHM.SHA1, digits: MIGRATION_DIGITS.six, type: MIGRATION_OTP_TYPE.totp, counter: 0, ...extra };
}

const exportPart = (index: number, size: number, otps: MigrationOtpParameters[], batchId = 5) =>
  formatMigrationUri({ version: 1, batchSize: size, batchIndex: index, batchId, otpParameters: otps });

describe('readFoundCodes', () => {
  it('reads otpauth links strictly and gives them the page’s site', async () => {
    const found = await readFoundCodes([`otpauth://totp/GitHub:alice?secret=${A}&issuer=GitHub`, `otpauth://hotp/Bank:bob?secret=${B}&issuer=Bank&counter=7`], 'github.com');
    expect(found.problems).toEqual([]);
    expect(found.accounts.map((a) => ({ ...a.draft, from: a.from }))).toEqual([
      { issuer: 'GitHub', accountName: 'alice', secret: A, type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites: ['github.com'], from: 'otpauth' },
      { issuer: 'Bank', accountName: 'bob', secret: B, type: 'hotp', algorithm: 'SHA1', digits: 6, period: 30, counter: 7, sites: ['github.com'], from: 'otpauth' },
    ]);
  });

  it('gives no site when there is none (image files)', async () => {
    const found = await readFoundCodes([`otpauth://totp/X:y?secret=${A}&issuer=X`], null);
    expect(found.accounts[0]!.draft).not.toHaveProperty('sites');
  });

  it.each([
    ['otpauth://totp/Broken:carol?issuer=Broken', 'secret', 'required'],
    [`otpauth://totp/X:y?secret=${A}1`, 'secret', 'invalid-base32'],
    [`otpauth://yubikey/X:y?secret=${A}`, 'type', 'unsupported'],
    [`otpauth://totp/X:y?secret=${A}&digits=12`, 'digits', 'out-of-range'],
    [`otpauth://totp/X:y?secret=${A}&period=abc`, 'period', 'not-an-integer'],
  ])('names what is wrong with %s', async (uri, field, reason) => {
    const found = await readFoundCodes([uri], 'example.com');
    expect(found.accounts).toEqual([]);
    expect(found.problems).toEqual([{ code: 'invalid-otpauth', field, reason, message: expect.any(String) }]);
  });

  it('merges the QR codes of a Google Authenticator export in any order: UTF-8 names, HOTP counters, no site', async () => {
    const first = exportPart(0, 2, [otp(A, 'テスト銀行:太郎', 'テスト銀行'), otp(B, 'zoë@example.com', 'Café')]);
    const second = exportPart(1, 2, [otp(C, 'bob', 'Counter Bank', { type: MIGRATION_OTP_TYPE.hotp, counter: 42 })]);
    const found = await readFoundCodes([second, first, first], 'example.com');
    expect(found.problems).toEqual([]);
    expect(found.migration).toEqual([{ batchSize: 2, missing: [] }]);
    expect(found.accounts.map((a) => [a.from, a.draft.issuer, a.draft.accountName, a.draft.type, a.draft.counter, a.draft.sites])).toEqual([
      ['migration', 'テスト銀行', '太郎', 'totp', 0, undefined],
      ['migration', 'Café', 'zoë@example.com', 'totp', 0, undefined],
      ['migration', 'Counter Bank', 'bob', 'hotp', 42, undefined],
    ]);
  });

  it('says which parts of an export are missing', async () => {
    const found = await readFoundCodes([exportPart(1, 3, [otp(A, 'a', 'A')])], null);
    expect(found.migration).toEqual([{ batchSize: 3, missing: [1, 3] }]);
    expect(found.accounts).toHaveLength(1);
  });

  it('reports a damaged export code and an account the model cannot hold', async () => {
    const md5 = exportPart(0, 1, [otp(A, 'a', 'Old', { algorithm: MIGRATION_ALGORITHM.MD5 }), otp(B, 'b', 'Fine')], 9);
    const found = await readFoundCodes(['otpauth-migration://offline?data=%%%', md5], null);
    expect(found.accounts.map((a) => a.draft.issuer)).toEqual(['Fine']);
    expect(found.problems).toEqual([
      { code: 'invalid-migration', message: expect.stringContaining('base64') },
      { code: 'migration-entry', label: 'Old: a', reason: 'algorithm/unsupported', message: expect.stringContaining('MD5') },
    ]);
  });

  it('lists an account shown twice (a link and an export, or two codes) once', async () => {
    const link = `otpauth://totp/Same:user?secret=${A}&issuer=Same`;
    const found = await readFoundCodes([link, `otpauth://totp/SAME:User?secret=${B}&issuer=SAME`, exportPart(0, 1, [otp(A, 'other', 'Other')])], 'x.com');
    expect(found.accounts.map((a) => a.draft.issuer)).toEqual(['Same']);
  });
});

describe('accountKey', () => {
  it('is stable, 24 hex digits, distinct between accounts, ignores the site, and does not contain the secret', async () => {
    const draft = { issuer: 'I', accountName: 'n', secret: A, type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 } as const;
    const key = await accountKey(draft);
    expect(key).toMatch(/^[0-9a-f]{24}$/);
    expect(await accountKey({ ...draft, sites: ['example.com'] })).toBe(key);
    expect(await accountKey({ ...draft, secret: B })).not.toBe(key);
    expect(await accountKey({ ...draft, counter: 1 })).not.toBe(key);
    expect(key.toUpperCase()).not.toContain(A);
  });
});
