import { describe, expect, it } from 'vitest';
import { accountLabel, exportFileName, plainExportable } from '../../../../lib/background/transfer/export-files';
import type { Account } from '../../../../lib/otp/account';

const account = (id: string, extra: Partial<Account> = {}): Account => ({
  issuer: `Issuer ${id}`, accountName: `user${id}`, secret: `SECRET${id}`.replace(/\d/g, 'A'),
  type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, id, createdAt: 1, modifiedAt: 1, ...extra,
});

describe('accountLabel', () => {
  it.each([
    [{ issuer: 'GitHub', accountName: 'alice' }, 'GitHub: alice'],
    [{ issuer: 'GitHub', accountName: '' }, 'GitHub'],
    [{ issuer: '', accountName: 'alice' }, 'alice'],
  ])('%o → %s', (names, label) => {
    expect(accountLabel(names)).toBe(label);
  });
});

describe('plainExportable', () => {
  it('keeps the order of exportable accounts and names the device-bound and secret-less ones', () => {
    const accounts = [account('1'), account('2', { deviceBound: true }), account('3', { secret: '', needsVerification: true }), account('4', { deviceBound: false })];
    const { accounts: kept, omitted } = plainExportable(accounts);
    expect(kept.map((a) => a.id)).toEqual(['1', '4']);
    expect(omitted.map((o) => [o.label, o.code])).toEqual([
      ['Issuer 2: user2', 'device-bound'],
      ['Issuer 3: user3', 'no-secret'],
    ]);
  });
});

describe('exportFileName', () => {
  it.each([
    ['hikae-encrypted', 'hikae-export-2025-01-05.json', 'application/json'],
    ['otpauth-uri-list', 'hikae-export-2025-01-05.txt', 'text/plain'],
    ['aegis-plain', 'hikae-export-2025-01-05-aegis.json', 'application/json'],
  ] as const)('%s → %s (local date)', (format, fileName, mimeType) => {
    // Local 5 January 2025, 23:30: the local date names the file, whatever the time zone.
    expect(exportFileName(format, new Date(2025, 0, 5, 23, 30).getTime())).toEqual({ fileName, mimeType });
  });
});
