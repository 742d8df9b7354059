import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DamagedFileError, importFile, PasswordRequiredError, UnsupportedFormatError, WrongPasswordError } from '../../../lib/import';
import { hikaeBackupParser } from '../../../lib/import/hikae-backup-parser';
import { fixtureText } from './fixtures';

/*
 * Hikae's own encrypted export (= the backup file) read through importFile's
 * `parsers` seam, against the committed version-1 backup fixture: its expected
 * accounts come from the fixture's decrypted contents, not from our reader.
 */

const BACKUP_DIR = new URL('../../fixtures/backup/', import.meta.url);
const backupText = readFileSync(new URL('backup-v1.json', BACKUP_DIR), 'utf8');
const password = (JSON.parse(readFileSync(new URL('passwords.json', BACKUP_DIR), 'utf8')) as Record<string, string>)['backup-v1.json']!;
const contents = JSON.parse(readFileSync(new URL('backup-v1.contents.json', BACKUP_DIR), 'utf8')) as {
  accounts: { issuer: string; accountName: string; secret?: string; type: string; algorithm: string; digits: number; period: number; counter: number; site?: string }[];
};

const options = (pw?: string) => ({ parsers: [hikaeBackupParser], ...(pw === undefined ? {} : { password: pw }) });
const bytes = (text: string) => ({ name: 'hikae-export.json', bytes: new TextEncoder().encode(text) });

describe('Hikae encrypted export', () => {
  it('opens with the password: every account with a secret, in order; one without is skipped as no-secret', async () => {
    const result = await importFile(bytes(backupText), options(password));
    const withSecret = contents.accounts.filter((a) => a.secret !== undefined);
    expect(result.format).toBe('hikae-encrypted');
    expect(result.encrypted).toBe(true);
    expect(result.accounts).toEqual(
      withSecret.map(({ issuer, accountName, secret, type, algorithm, digits, period, counter, site }) => ({
        issuer, accountName, secret, type, algorithm, digits, period, counter, ...(site === undefined ? {} : { sites: [site] }),
      })),
    );
    const index = contents.accounts.findIndex((a) => a.secret === undefined);
    const missing = contents.accounts[index]!;
    expect(result.skipped).toEqual([{ index, label: `${missing.issuer}: ${missing.accountName}`, reason: { code: 'no-secret', message: expect.stringContaining('device-bound') } }]);
  });

  it.each([
    ['no password', undefined, PasswordRequiredError],
    ['an empty password', '', PasswordRequiredError],
    ['a wrong password', 'not the password', WrongPasswordError],
  ] as const)('refuses %s with the importer\'s typed error', async (_label, pw, type) => {
    await expect(importFile(bytes(backupText), options(pw))).rejects.toBeInstanceOf(type);
  });

  it('reports a changed ciphertext as a damaged file, a newer version as unsupported', async () => {
    const file = JSON.parse(backupText) as { payload: { ciphertext: string }; version: number };
    const flipped = file.payload.ciphertext.startsWith('A') ? `B${file.payload.ciphertext.slice(1)}` : `A${file.payload.ciphertext.slice(1)}`;
    await expect(importFile({ text: JSON.stringify({ ...file, payload: { ...file.payload, ciphertext: flipped } }) }, options(password))).rejects.toBeInstanceOf(DamagedFileError);
    await expect(importFile({ text: JSON.stringify({ ...file, version: 3 }) }, options(password))).rejects.toBeInstanceOf(UnsupportedFormatError);
    await expect(importFile({ text: '{"format": "hikae-backup", "version": 1' }, options(password))).rejects.toBeInstanceOf(DamagedFileError);
    await expect(importFile({ text: '{"format": "hikae-backup", "version": 1}' }, options(password))).rejects.toBeInstanceOf(DamagedFileError);
  });

  // A crafted export is unauthenticated until the password is known: its KDF parameters are
  // refused when the file is parsed, before Argon2id could run (parseBackupFile is synchronous).
  it.each([
    { label: '1 GiB of memory', kdf: { memoryKiB: 1_048_576 }, named: /memory 1048576 KiB is outside/ },
    { label: '20 passes', kdf: { iterations: 20 }, named: /iterations 20 is outside 1…10/ },
    { label: '256 MiB × 8 passes (over 8 × the default cost)', kdf: { memoryKiB: 262_144, iterations: 8 }, named: /cost 262144 KiB × 8 passes/ },
  ])('refuses an export asking for $label as damaged, naming the parameter, before any derivation', async ({ kdf, named }) => {
    const file = JSON.parse(backupText) as { passwordSlot: { kdf: Record<string, unknown> } };
    Object.assign(file.passwordSlot.kdf, kdf);
    expect(() => hikaeBackupParser.detect({ name: undefined, bytes: new Uint8Array(), text: JSON.stringify(file) })).not.toThrow();
    const refusal = importFile({ text: JSON.stringify(file) }, options(password));
    await expect(refusal).rejects.toBeInstanceOf(DamagedFileError);
    await expect(refusal).rejects.toThrow(named);
  });

  it('claims only files that name the backup format; other exports go to their own readers', async () => {
    expect((await importFile({ text: fixtureText('aegis_plain.json') }, options())).format).toBe('aegis');
    expect((await importFile({ text: fixtureText('plain.txt') }, options())).format).toBe('otpauth-uri-list');
    expect(hikaeBackupParser.detect({ name: undefined, bytes: new Uint8Array(), text: '[{"format":"hikae-backup"}]' })).toBe(false);
    expect(hikaeBackupParser.detect({ name: undefined, bytes: new Uint8Array(), text: undefined })).toBe(false);
    expect(hikaeBackupParser.detect({ name: undefined, bytes: new Uint8Array(), text: '  {\n  "format" : "hikae-backup"' })).toBe(true);
  });
});
