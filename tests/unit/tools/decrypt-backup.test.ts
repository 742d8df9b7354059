import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../../lib/backup';
import type { Account } from '../../../lib/otp/account';
import { parseOtpUri } from '../../../lib/otp/uri';
import { createVault, type VaultContents } from '../../../lib/vault';
import { decryptToOtpauthList, DecryptError } from '../../../tools/decrypt-backup';
import { deps, FAST_KDF } from '../vault/helpers';

/*
 * tools/decrypt-backup.ts is written from the format docs alone; these tests hold
 * it against the committed fixtures of every version (real Argon2id parameters)
 * and against what the extension writes today. Its links are read back with the
 * extension's own parser.
 */

const fixtures = join(import.meta.dirname, '../../fixtures');
const read = (path: string) => readFileSync(join(fixtures, path), 'utf8');
const passwords = { ...JSON.parse(read('vault/passwords.json')), ...JSON.parse(read('backup/passwords.json')) } as Record<string, string>;

/** What a link must carry of an account. */
const essentials = (a: Pick<Account, 'issuer' | 'accountName' | 'secret' | 'type' | 'algorithm' | 'digits' | 'period' | 'counter'>) => ({
  issuer: a.issuer,
  accountName: a.accountName,
  secret: a.secret,
  type: a.type,
  algorithm: a.algorithm,
  digits: a.digits,
  ...(a.type === 'hotp' ? { counter: a.counter } : { period: a.period }),
});

const withSecret = (accounts: { secret?: string }[]) => accounts.filter((a) => typeof a.secret === 'string' && a.secret !== '') as Account[];

describe('tools/decrypt-backup.ts on the committed fixtures', () => {
  it.each([
    { file: 'vault/vault-v1.json', contents: 'vault/contents-v1.json' },
    { file: 'vault/vault-v1-unicode-password.json', contents: 'vault/contents-v1.json' },
    { file: 'vault/vault-v2.json', contents: 'vault/contents-v1.json' },
    { file: 'vault/vault-v2-future-slot.json', contents: 'vault/contents-v1.json' },
    { file: 'backup/backup-v1.json', contents: 'backup/backup-v1.contents.json' },
    { file: 'backup/backup-v2.json', contents: 'backup/backup-v2.contents.json' },
  ])('$file → every account with a secret, in order, as links the extension reads back', async ({ file, contents }) => {
    const name = file.split('/')[1]!;
    const expected = withSecret((JSON.parse(read(contents)) as { accounts: Account[] }).accounts);
    const { uris, withoutSecret } = await decryptToOtpauthList(read(file), passwords[name]!);
    expect(uris.map((uri) => essentials(parseOtpUri(uri)))).toEqual(expected.map(essentials));
    expect(uris.length + withoutSecret.length).toBe((JSON.parse(read(contents)) as { accounts: unknown[] }).accounts.length);
  });

  it('the decomposed (NFD) form of a password opens the fixture made with its NFC form', async () => {
    const { uris } = await decryptToOtpauthList(read('vault/vault-v1-unicode-password.json'), passwords['vault-v1-unicode-password.json']!.normalize('NFD'));
    expect(uris.length).toBeGreaterThan(0);
  });

  it.each([
    { label: 'a wrong password', text: () => read('backup/backup-v2.json'), password: 'not the password', code: 'wrong-password' },
    { label: 'not JSON', text: () => 'hello', password: 'x', code: 'not-hikae' },
    { label: 'another app\'s JSON', text: () => '{"version":1,"db":"x"}', password: 'x', code: 'not-hikae' },
    { label: 'a newer format version', text: () => JSON.stringify({ ...JSON.parse(read('backup/backup-v2.json')), version: 3 }), password: 'x', code: 'unsupported-version' },
    { label: 'a summary changed in the cloud', text: () => JSON.stringify({ ...JSON.parse(read('backup/backup-v2.json')), summary: { ...JSON.parse(read('backup/backup-v2.json')).summary, accountCount: 99 } }), password: passwords['backup-v2.json']!, code: 'damaged' },
    { label: 'a slot asking for 4 GiB', text: () => JSON.stringify(((f: { slots: { kdf: object }[] }) => ({ ...f, slots: [{ ...f.slots[0], kdf: { ...f.slots[0]?.kdf, memoryKiB: 4_194_304 } }] }))(JSON.parse(read('backup/backup-v2.json')) as { slots: { kdf: object }[] })), password: 'x', code: 'kdf-refused' },
  ])('$label → DecryptError("$code")', async ({ text, password, code }) => {
    const error = await decryptToOtpauthList(text(), password).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DecryptError);
    expect(error).toMatchObject({ code });
  });

  it('reads what the extension writes today (an encrypted export is a backup file)', async () => {
    const contents: VaultContents = {
      accounts: [
        { id: 'a', issuer: 'Air Canada', accountName: 'ana+1@example.com', secret: 'JBSWY3DPEHPK3PXP', type: 'totp', algorithm: 'SHA256', digits: 8, period: 60, counter: 0, createdAt: 1, modifiedAt: 1 },
        { id: 'b', issuer: '', accountName: 'no issuer: 名前', secret: 'GEZDGNBVGY3TQOJQ', type: 'hotp', algorithm: 'SHA1', digits: 6, period: 30, counter: 42, createdAt: 1, modifiedAt: 1 },
        { id: 'c', issuer: 'Work', accountName: 'bound', secret: 'MFRGGZDFMZTWQ2LK', type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, createdAt: 1, modifiedAt: 1, deviceBound: true },
      ],
      settings: { autoLockMinutes: 15, theme: 'system' },
      tombstones: [],
    };
    const { file, masterKey } = await createVault('export password', contents, deps, FAST_KDF);
    const backup = await createBackup({ contents, masterKey, vaultFile: file, device: { deviceName: 'PC', browser: 'Chrome 156' }, now: 1_764_000_000_000 }, deps);
    const { uris, withoutSecret } = await decryptToOtpauthList(JSON.stringify(backup), 'export password');
    expect(uris.map((uri) => essentials(parseOtpUri(uri)))).toEqual(contents.accounts.slice(0, 2).map(essentials));
    expect(withoutSecret).toEqual(['Work: bound']);
  });

  it('runs as a command: links on stdout, the password from stdin', () => {
    const out = execFileSync('npx', ['tsx', 'tools/decrypt-backup.ts', join(fixtures, 'backup/backup-v2.json'), '--password-stdin'], {
      input: `${passwords['backup-v2.json']!}\n`,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const lines = out.trimEnd().split('\n');
    expect(lines.every((line) => line.startsWith('otpauth://'))).toBe(true);
    expect(lines).toHaveLength(withSecret((JSON.parse(read('backup/backup-v2.contents.json')) as { accounts: Account[] }).accounts).length);
  });
});
