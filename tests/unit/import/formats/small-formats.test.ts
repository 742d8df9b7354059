import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../lib/import';
import { fixtureText, plainAccounts } from '../fixtures';

const plain = plainAccounts();

describe('Steam maFile', () => {
  it('reads a single maFile (Steam Desktop Authenticator)', async () => {
    const text = JSON.stringify({ shared_secret: 'THIl8+Jl6ugxr8x0X6eRMg==', account_name: 'sophia_b', revocation_code: 'R1' });
    expect((await importFile({ text })).accounts).toEqual([{ ...plain[6], issuer: 'Steam', accountName: 'sophia_b' }]);
  });

  it('skips an account whose shared_secret is not base64', async () => {
    const result = await importFile({ text: JSON.stringify({ shared_secret: '***', account_name: 'x' }) });
    expect(result.skipped).toEqual([{ index: 0, label: 'Steam: x', reason: { code: 'secret/invalid-base64', message: expect.any(String) } }]);
  });
});

describe('Authy', () => {
  it('splits "Issuer - name" when originalName has no colon', async () => {
    const tokens = [{ decryptedSecret: 'JBSWY3DPEHPK3PXP', digits: 6, originalName: '', name: 'Example - alice' }];
    const xml = `<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map><string name="com.authy.storage.tokens.authenticator.key">${JSON.stringify(tokens).replace(/"/g, '&quot;')}</string></map>`;
    expect((await importFile({ text: xml })).accounts[0]).toMatchObject({ issuer: 'Example', accountName: 'alice' });
  });
});

describe('Proton Authenticator', () => {
  it('reads a Steam entry (steam:// link) and prefers the entry name', async () => {
    const doc = JSON.parse(fixtureText('proton_authenticator.json')) as { entries: unknown[] };
    doc.entries.push({ id: 's', content: { uri: 'steam://JRZCL47CMXVOQMNPZR2F7J4RGI', entry_type: 'Steam', name: 'Sophia' }, note: null });
    const result = await importFile({ text: JSON.stringify(doc) });
    expect(result.accounts).toEqual([...plain.slice(0, 3), { ...plain[6], issuer: 'Steam' }]);
  });
});
