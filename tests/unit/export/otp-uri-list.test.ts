import { describe, expect, it } from 'vitest';
import { importFile } from '../../../lib/import';
import { toOtpUriList } from '../../../lib/export/otp-uri-list';
import { validateDraft } from '../../../lib/otp/validate';
import { plainAccounts } from '../import/fixtures';

const unicode = validateDraft({ issuer: 'Ärzte & Söhne', accountName: 'José 日本 +1', secret: 'JBSWY3DPEHPK3PXP', type: 'totp', algorithm: 'SHA256', digits: 10, period: 3600 });

describe('toOtpUriList', () => {
  it('writes one link per line, each line ended', () => {
    const text = toOtpUriList(plainAccounts());
    expect(text.split('\n')).toHaveLength(8);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n').slice(0, 7).every((line) => line.startsWith('otpauth://'))).toBe(true);
  });

  it('round-trips every account of plain.txt and non-ASCII names, in order', async () => {
    const accounts = [...plainAccounts(), unicode];
    const result = await importFile({ text: toOtpUriList(accounts) });
    expect(result.accounts).toEqual(accounts);
    expect(result.skipped).toEqual([]);
  });

  it('writes nothing for no accounts', () => {
    expect(toOtpUriList([])).toBe('');
  });
});
