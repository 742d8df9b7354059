import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../lib/import';
import { plainAccounts } from '../fixtures';

const plain = plainAccounts();

const item = (name: string, username: string | null, totp: string | null) => ({ type: 1, name, login: { username, password: null, totp } });
const exportOf = (...items: unknown[]) => JSON.stringify({ encrypted: false, folders: [], items });

describe('Bitwarden JSON', () => {
  it('reads a bare secret as TOTP/SHA1/6/30 named by the item and username', async () => {
    const result = await importFile({ text: exportOf(item('GitHub', 'octocat', 'jbsw y3dp ehpk 3pxp')) });
    expect(result.accounts).toEqual([
      { issuer: 'GitHub', accountName: 'octocat', secret: 'JBSWY3DPEHPK3PXP', type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
    ]);
  });

  it('fills a link without issuer or account name from the item', async () => {
    const result = await importFile({ text: exportOf(item('GitLab', 'me@example.org', 'otpauth://totp/?secret=JBSWY3DPEHPK3PXP')) });
    expect(result.accounts[0]).toMatchObject({ issuer: 'GitLab', accountName: 'me@example.org' });
  });

  it('does not list logins without a TOTP field, and skips a bad one', async () => {
    const result = await importFile({ text: exportOf(item('Mail', 'a', null), { type: 2, name: 'Note' }, item('Bad', 'b', 'otpauth://totp/x?secret=1'), item('Deno', 'Mason', 'otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno')) });
    expect(result.accounts).toEqual([plain[0]]);
    expect(result.skipped).toEqual([{ index: 0, label: 'Bad: b', reason: { code: 'secret/invalid-base32', message: expect.any(String) } }]);
  });
});

describe('Bitwarden CSV', () => {
  it('reads organisation exports with quoted fields', async () => {
    const text = [
      'collections,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp',
      '"Team, shared",login,"Deno, Inc.","multi',
      'line note",,0,https://deno.land,Mason,pw,"otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno"',
      ',login,Empty,,,0,,,,',
    ].join('\n');
    const result = await importFile({ text });
    expect(result.format).toBe('bitwarden-csv');
    expect(result.accounts).toEqual([plain[0]]);
  });
});

describe('Bitwarden CSV: a damaged record is named by the line it starts on', () => {
  const header = 'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp';
  const good = ',,login,Deno,,,0,,Mason,,otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno';
  const missingComma = ',,login,Broken,,,0,,Ann,otpauth://totp/X:ann?secret=JBSWY3DPEHPK3PXP';
  it.each([
    { what: 'plain lines', lines: [header, good, missingComma], line: 3 },
    { what: 'after a note with two line breaks', lines: [header, ',,login,Deno,"one\ntwo\nthree",,0,,Mason,,otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno', missingComma], line: 5 },
    { what: 'after empty lines', lines: [header, '', good, '', '', missingComma], line: 6 },
    { what: 'with Windows line ends', lines: [header, good, '', missingComma].map((l) => `${l}\r`), line: 4 },
    { what: 'a damaged record that itself spans lines', lines: [header, good, ',,login,"Note\nhere",,0,,Ann,otpauth://totp/X:ann?secret=JBSWY3DPEHPK3PXP'], line: 3 },
  ])('$what: line $line', async ({ lines, line }) => {
    const result = await importFile({ text: lines.join('\n') });
    expect(result.accounts).toEqual([plain[0]]);
    expect(result.skipped).toEqual([{ index: 1, label: `line ${line}`, reason: { code: 'malformed', message: expect.stringMatching(new RegExp(`^Line ${line} has \\d+ fields; the header has 11\\.$`)) } }]);
  });
});
