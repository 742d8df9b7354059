import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../lib/import';
import { toMigrationPayloads } from '../../../../lib/export/migration-payloads';
import { fixtureText, plainAccounts } from '../fixtures';

const plain = plainAccounts();
const [deno, spdx, airbnb] = fixtureText('plain.txt').split('\n');

describe('otpauth URI lists', () => {
  it('ignores blank lines and # comments, and lists bad lines as skipped with their line number', async () => {
    const text = [
      '# exported by hand',
      deno,
      '',
      'otpauth://totp/Bad:Secret?secret=not*base32&issuer=Bad',
      'hello world',
      spdx,
      'otpauth://hotp/NoCounter?secret=JBSWY3DPEHPK3PXP',
      airbnb,
    ].join('\n');
    const result = await importFile({ text });
    expect(result.format).toBe('otpauth-uri-list');
    expect(result.accounts).toEqual(plain.slice(0, 3));
    expect(result.skipped).toEqual([
      { index: 1, label: 'Bad: Secret', reason: { code: 'secret/invalid-base32', message: expect.stringContaining('"*"') } },
      { index: 2, label: 'line 5', reason: { code: 'uri/not-otpauth', message: 'Line 5 is not an otpauth:// link.' } },
      { index: 4, label: 'NoCounter', reason: { code: 'counter/required', message: expect.stringContaining('counter') } },
    ]);
  });

  it('keeps non-ASCII issuers and names', async () => {
    const text = 'otpauth://totp/%C3%84rzte%20GmbH:Jos%C3%A9%20%E6%97%A5%E6%9C%AC?secret=JBSWY3DPEHPK3PXP&issuer=%C3%84rzte+GmbH';
    const [account] = (await importFile({ text })).accounts;
    expect(account).toMatchObject({ issuer: 'Ärzte GmbH', accountName: 'José 日本' });
  });

  it('skips an over-long line without reading it', async () => {
    const result = await importFile({ text: `${deno}\notpauth://totp/x?secret=${'A'.repeat(70_000)}` });
    expect(result.accounts).toEqual([plain[0]]);
    expect(result.skipped[0]?.reason.code).toBe('too-long');
  });

  it('expands Google Authenticator links in a mixed list at the first one', async () => {
    const [link] = toMigrationPayloads([plain[3]!], { batchId: 7 }).uris;
    const result = await importFile({ text: `${deno}\n${link}\n${spdx}` });
    expect(result.format).toBe('otpauth-uri-list');
    expect(result.accounts).toEqual([plain[0], plain[3], plain[1]]);
  });
});

describe('Ente Auth', () => {
  const display = (trashed: boolean) => encodeURIComponent(JSON.stringify({ pinned: false, trashed, tags: [] }));

  it('lists an entry in Ente\'s trash as skipped', async () => {
    const text = `${deno}&codeDisplay=${display(false)}\n${spdx}&codeDisplay=${display(true)}`;
    const result = await importFile({ text });
    expect(result.format).toBe('ente-auth');
    expect(result.accounts).toEqual([plain[0]]);
    expect(result.skipped).toEqual([{ index: 1, label: 'SPDX: James', reason: { code: 'in-trash', message: expect.stringContaining('trash') } }]);
  });

  it('imports an entry whose display metadata is unreadable', async () => {
    const result = await importFile({ text: `${deno}&codeDisplay=%7Bbroken` });
    expect(result.accounts).toEqual([plain[0]]);
  });
});
