import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../../lib/otp/account';
import { DamagedFileError, ImportLimitError, importFile, IMPORT_LIMITS, PasswordRequiredError, SqliteEngineMissingError, UnsupportedFormatError, WrongPasswordError, type ImportFormat } from '../../../lib/import';
import { expectCleanImport, FIXTURE_PASSWORD, fixtureBytes, fixtureText, plainAccounts, sqliteEngine } from './fixtures';

const plain = plainAccounts();
const at = (...indexes: number[]): AccountDraft[] => indexes.map((i) => plain[i]!);
const ALL = [0, 1, 2, 3, 4, 5, 6];

/**
 * What each app keeps of the seven accounts of plain.txt (fixture README):
 * the expected accounts are derived from plain.txt by these rules, not written out.
 */
const cases: { file: string; format: ImportFormat; encrypted: boolean; expected: () => AccountDraft[] }[] = [
  { file: 'plain.txt', format: 'otpauth-uri-list', encrypted: false, expected: () => at(...ALL) },
  { file: 'aegis_plain.json', format: 'aegis', encrypted: false, expected: () => at(...ALL) },
  { file: 'aegis_encrypted.json', format: 'aegis', encrypted: true, expected: () => at(...ALL) },
  // 2FAS keeps only 30/60/90-second periods: the 20 s and 50 s accounts are not in its export.
  { file: '2fas_authenticator_plain_v4.2fas', format: '2fas', encrypted: false, expected: () => at(0, 3, 4, 5, 6) },
  { file: '2fas_authenticator_encrypted_v4.2fas', format: '2fas', encrypted: true, expected: () => at(0, 3, 4, 5, 6) },
  { file: 'andotp_plain.json', format: 'andotp', encrypted: false, expected: () => at(...ALL) },
  { file: 'andotp_encrypted.bin', format: 'andotp', encrypted: true, expected: () => at(...ALL) },
  // Bitwarden holds the three TOTP links and the Steam secret as steam://, named by the item.
  { file: 'bitwarden.json', format: 'bitwarden-json', encrypted: false, expected: () => [...at(0, 1, 2), { ...plain[6]!, issuer: 'Steam', accountName: 'Test Steam' }] },
  { file: 'bitwarden.csv', format: 'bitwarden-csv', encrypted: false, expected: () => [...at(0, 1, 2), { ...plain[6]!, issuer: 'Steam', accountName: 'Test 4' }] },
  // Ente exports in its own (alphabetical) order.
  { file: 'ente_auth.txt', format: 'ente-auth', encrypted: false, expected: () => at(4, 2, 6, 0, 3, 1, 5) },
  // FreeOTP+ has no Steam; its token order is the reverse of the scan order.
  { file: 'freeotp_plus.json', format: 'freeotp-plus', encrypted: false, expected: () => at(5, 4, 3, 2, 1, 0) },
  { file: 'proton_authenticator.json', format: 'proton-authenticator', encrypted: false, expected: () => at(0, 1, 2) },
  { file: 'steam.json', format: 'steam', encrypted: false, expected: () => [{ ...plain[6]!, issuer: 'Steam' }] },
  // Authy keeps TOTP only, without algorithm or period: SHA1 and 30 s.
  { file: 'authy_plain.xml', format: 'authy', encrypted: false, expected: () => at(0, 1, 2).map((a) => ({ ...a, algorithm: 'SHA1' as const, period: 30 })) },
  // Microsoft Authenticator keeps TOTP/SHA1/6 digits/30 s only.
  {
    file: 'microsoft_authenticator.sqlite',
    format: 'microsoft-authenticator',
    encrypted: false,
    expected: () => at(...ALL).map((a) => ({ ...a, type: 'totp' as const, algorithm: 'SHA1' as const, digits: 6, period: 30, counter: 0 })),
  },
];

describe('importFile on the real export files', () => {
  it.each(cases)('$file → $format, exactly the accounts the app holds, in its order', async ({ file, format, encrypted, expected }) => {
    const result = await importFile({ name: file, bytes: fixtureBytes(file) }, { password: FIXTURE_PASSWORD, sqlite: sqliteEngine });
    expectCleanImport(result, { format, encrypted, accounts: expected() });
  });

  it.each(cases.filter((c) => !c.file.endsWith('.sqlite') && !c.file.endsWith('.bin')))('$file is detected by content, without its name', async ({ file, format }) => {
    const result = await importFile({ text: fixtureText(file) }, { password: FIXTURE_PASSWORD });
    expect(result.format).toBe(format);
  });

  it('ignores a password given for a plain file', async () => {
    const result = await importFile({ bytes: fixtureBytes('aegis_plain.json') }, { password: 'unused' });
    expect(result.accounts).toEqual(plain);
  });

  it('reads text with a byte-order mark and CRLF line ends', async () => {
    const text = `\uFEFF${fixtureText('plain.txt').replace(/\n/g, '\r\n')}`;
    expect((await importFile({ bytes: new TextEncoder().encode(text) })).accounts).toEqual(plain);
  });
});

describe('encrypted files', () => {
  const encrypted = [
    { file: 'aegis_encrypted.json', label: 'Aegis' },
    { file: '2fas_authenticator_encrypted_v4.2fas', label: '2FAS' },
    { file: 'andotp_encrypted.bin', label: 'andOTP' },
  ];

  it.each(encrypted)('$file without a password → PasswordRequiredError naming $label', async ({ file, label }) => {
    const error = await importFile({ bytes: fixtureBytes(file) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PasswordRequiredError);
    expect((error as PasswordRequiredError).formatLabel).toBe(label);
    expect((error as PasswordRequiredError).code).toBe('password-required');
  });

  it.each(encrypted)('$file with an empty password → PasswordRequiredError', async ({ file }) => {
    await expect(importFile({ bytes: fixtureBytes(file) }, { password: '' })).rejects.toBeInstanceOf(PasswordRequiredError);
  });

  it.each(encrypted)('$file with a wrong password → WrongPasswordError', async ({ file }) => {
    await expect(importFile({ bytes: fixtureBytes(file) }, { password: 'Test' })).rejects.toBeInstanceOf(WrongPasswordError);
  });
});

describe('files that are not exports', () => {
  it.each([
    { what: 'Markdown', input: { name: 'README.md', bytes: fixtureBytes('README.md') }, message: /starts with "# Export files/ },
    { what: 'an unknown JSON object', input: { text: '{"vault": [], "owner": "x"}' }, message: /"vault", "owner"/ },
    { what: 'a JSON string', input: { text: '["a", "b"]' }, message: /not andOTP accounts/ },
    { what: 'empty text', input: { text: '  \n ' }, message: /empty/ },
    { what: 'binary data', input: { name: 'x.bin', bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0, 0]) }, message: /ff d8 ff e0/ },
    { what: 'Android preferences of no app we know', input: { text: '<?xml version="1.0"?><map><string name="other">x</string></map>' }, message: /not an export we know.*"other"/ },
    { what: 'HTML', input: { text: '<html><body>hi</body></html>' }, message: /<map>/ },
    { what: 'XML with a DOCTYPE', input: { text: '<!DOCTYPE map [<!ENTITY a "b">]><map/>' }, message: /DOCTYPE/ },
    { what: 'a Bitwarden encrypted export', input: { text: '{"encrypted": true, "passwordProtected": true, "salt": "x", "data": "y"}' }, message: /JSON \(Encrypted\)/ },
    { what: 'a Proton Authenticator encrypted export', input: { text: '{"version": 1, "salt": "abc", "content": "def"}' }, message: /password-protected/ },
    { what: 'an Aegis vault of an unknown file version', input: { text: '{"version": 2, "header": {}, "db": {}}' }, message: /file version 2/ },
  ])('$what → UnsupportedFormatError naming what it saw', async ({ input, message }) => {
    const error = await importFile(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedFormatError);
    expect((error as Error).message).toMatch(message);
  });

  it('an Aegis vault with only a biometric slot → UnsupportedFormatError', async () => {
    const vault = JSON.parse(fixtureText('aegis_encrypted.json')) as { header: { slots: { type: number }[] } };
    vault.header.slots[0]!.type = 2;
    await expect(importFile({ text: JSON.stringify(vault) }, { password: FIXTURE_PASSWORD })).rejects.toThrow(/no password slot/);
  });
});

describe('damaged files', () => {
  const half = (name: string): string => fixtureText(name).slice(0, Math.floor(fixtureText(name).length / 2));

  it.each(['aegis_plain.json', '2fas_authenticator_plain_v4.2fas', 'bitwarden.json', 'freeotp_plus.json', 'steam.json'])(
    '%s cut in half → DamagedFileError',
    async (file) => {
      await expect(importFile({ text: half(file) })).rejects.toBeInstanceOf(DamagedFileError);
    },
  );

  // An encryption marker (Aegis key slots, a 2FAS reference) without the content it protects.
  it.each([
    { what: 'an encrypted Aegis vault without its "db"', file: 'aegis_encrypted.json', drop: 'db', message: /no content \("db"\)/ },
    { what: 'a plain Aegis vault without its "db"', file: 'aegis_plain.json', drop: 'db', message: /no content \("db"\)/ },
    { what: 'an encrypted 2FAS backup without "servicesEncrypted"', file: '2fas_authenticator_encrypted_v4.2fas', drop: 'servicesEncrypted', message: /servicesEncrypted/ },
  ])('$what → DamagedFileError naming what is missing', async ({ file, drop, message }) => {
    const doc = Object.fromEntries(Object.entries(JSON.parse(fixtureText(file)) as Record<string, unknown>).filter(([key]) => key !== drop));
    const error = await importFile({ text: JSON.stringify(doc) }, { password: FIXTURE_PASSWORD }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DamagedFileError);
    expect((error as Error).message).toMatch(message);
  });

  it('an Aegis vault whose content was altered, with the right password → DamagedFileError', async () => {
    const vault = JSON.parse(fixtureText('aegis_encrypted.json')) as { db: string };
    vault.db = (vault.db.startsWith('A') ? 'B' : 'A') + vault.db.slice(1);
    await expect(importFile({ text: JSON.stringify(vault) }, { password: FIXTURE_PASSWORD })).rejects.toBeInstanceOf(DamagedFileError);
  });

  it('a 2FAS backup whose accounts were altered, with the right password → DamagedFileError (the reference proves the password)', async () => {
    const backup = JSON.parse(fixtureText('2fas_authenticator_encrypted_v4.2fas')) as { servicesEncrypted: string };
    const s = backup.servicesEncrypted;
    backup.servicesEncrypted = (s.startsWith('A') ? 'B' : 'A') + s.slice(1);
    await expect(importFile({ text: JSON.stringify(backup) }, { password: FIXTURE_PASSWORD })).rejects.toBeInstanceOf(DamagedFileError);
  });

  it.each([
    { what: 'two parts', value: 'AAAA:BBBB' },
    { what: 'a 16-byte IV', value: `${'A'.repeat(24)}:${'B'.repeat(8)}:${'C'.repeat(24)}` },
    { what: 'not base64', value: '!!!!:BBBB:CCCCCCCCCCCCCCCC' },
  ])('a 2FAS servicesEncrypted with $what → DamagedFileError before any key derivation', async ({ value }) => {
    const text = JSON.stringify({ services: [], schemaVersion: 4, servicesEncrypted: value });
    await expect(importFile({ text }, { password: FIXTURE_PASSWORD })).rejects.toBeInstanceOf(DamagedFileError);
  });

  it('an andOTP backup with an altered byte → WrongPasswordError (andOTP cannot tell the two apart)', async () => {
    const bytes = fixtureBytes('andotp_encrypted.bin');
    bytes[bytes.length - 1]! ^= 1;
    const error = await importFile({ bytes }, { password: FIXTURE_PASSWORD }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongPasswordError);
    expect((error as Error).message).toMatch(/or the file is damaged/);
  });

  it('an Aegis slot with impossible scrypt parameters → DamagedFileError', async () => {
    const vault = JSON.parse(fixtureText('aegis_encrypted.json')) as { header: { slots: { n: number }[] } };
    vault.header.slots[0]!.n = 1000;
    await expect(importFile({ text: JSON.stringify(vault) }, { password: FIXTURE_PASSWORD })).rejects.toBeInstanceOf(DamagedFileError);
  });

  it('a SQLite file whose pages are garbage → DamagedFileError', async () => {
    const bytes = fixtureBytes('microsoft_authenticator.sqlite');
    bytes.fill(0x55, 100);
    await expect(importFile({ bytes }, { sqlite: sqliteEngine })).rejects.toBeInstanceOf(DamagedFileError);
  });
});

describe('limits', () => {
  it('refuses input over the size limit before reading it', async () => {
    const bytes = new Uint8Array(IMPORT_LIMITS.maxInputSize + 1);
    await expect(importFile({ bytes })).rejects.toBeInstanceOf(ImportLimitError);
  });

  it('refuses JSON nested deeper than the limit', async () => {
    const depth = IMPORT_LIMITS.maxJsonDepth + 1;
    await expect(importFile({ text: '['.repeat(depth) + ']'.repeat(depth) })).rejects.toBeInstanceOf(ImportLimitError);
  });

  it('refuses more entries than the limit instead of truncating', async () => {
    const entries = Array.from({ length: IMPORT_LIMITS.maxEntries + 1 }, () => ({ secret: 'A', type: 'TOTP' }));
    await expect(importFile({ text: JSON.stringify(entries) })).rejects.toBeInstanceOf(ImportLimitError);
  });

  it('refuses an Aegis slot asking for more scrypt work than allowed, without running it', async () => {
    const vault = JSON.parse(fixtureText('aegis_encrypted.json')) as { header: { slots: { n: number; p: number }[] } };
    vault.header.slots[0]!.n = 2 ** 20;
    const started = performance.now();
    await expect(importFile({ text: JSON.stringify(vault) }, { password: FIXTURE_PASSWORD })).rejects.toBeInstanceOf(ImportLimitError);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('treats an andOTP header with an absurd iteration count as headerless binary (maybe old andOTP), without running PBKDF2', async () => {
    const bytes = fixtureBytes('andotp_encrypted.bin');
    bytes.set([0x7f, 0xff, 0xff, 0xff], 0);
    // Only the old format's single SHA-256 runs; its tag does not verify.
    await expect(importFile({ bytes }, { password: FIXTURE_PASSWORD })).rejects.toThrow(/as an old andOTP backup/);
    await expect(importFile({ bytes })).rejects.toThrow(/If it is an old andOTP backup/);
  });
});

describe('the SQLite engine is injected', () => {
  it('without it a SQLite file → SqliteEngineMissingError', async () => {
    await expect(importFile({ bytes: fixtureBytes('microsoft_authenticator.sqlite') })).rejects.toBeInstanceOf(SqliteEngineMissingError);
  });
});
