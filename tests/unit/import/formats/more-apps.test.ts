import { describe, expect, it } from 'vitest';
import { aesCbcEncrypt, pbkdf2 } from '../../../../lib/import/crypto';
import { DamagedFileError, importFile, PasswordRequiredError, UnsupportedFormatError, WrongPasswordError, type ImportFormat } from '../../../../lib/import';
import type { AccountDraft } from '../../../../lib/otp/account';
import { expectCleanImport, fixtureBytes, fixtureText, plainAccounts } from '../fixtures';

/* The exports of issue 13's apps (fixture README): each file against the accounts of plain.txt it can hold. */

const plain = plainAccounts();
const at = (...indexes: number[]): AccountDraft[] => indexes.map((i) => plain[i]!);
const ALL = [0, 1, 2, 3, 4, 5, 6];
const sha1Period30 = (a: AccountDraft): AccountDraft => ({ ...a, algorithm: 'SHA1', period: 30 });

const cases: { file: string; password?: string; format: ImportFormat; encrypted: boolean; expected: () => AccountDraft[] }[] = [
  // Authy keeps TOTP only, without algorithm or period: SHA1 and 30 s.
  { file: 'authy_encrypted.xml', password: 'testtest', format: 'authy', encrypted: true, expected: () => at(0, 1, 2).map(sha1Period30) },
  // Old andOTP had no Steam; its "Issuer - Issuer:name" labels give back issuer and name.
  { file: 'andotp_encrypted_old.bin', password: 'test', format: 'andotp', encrypted: true, expected: () => at(0, 1, 2, 3, 4, 5) },
  // FreeOTP has no Steam; the serialized map has no order, so accounts come in stream order.
  { file: 'freeotp_v2_api23.xml', password: 'test', format: 'freeotp', encrypted: true, expected: () => at(3, 0, 4, 1, 5, 2) },
  // The rooted-device file held four tokens, in its tokenOrder; counters +1 (stored one below).
  { file: 'freeotp.xml', format: 'freeotp', encrypted: false, expected: () => at(5, 3, 2, 0) },
  { file: 'stratum_plain.json', format: 'stratum', encrypted: false, expected: () => at(...ALL) },
  { file: 'stratum_encrypted.bin', password: 'test', format: 'stratum', encrypted: true, expected: () => at(...ALL) },
  // TOTP Authenticator: TOTP with SHA1 only, and it lower-cases account names.
  {
    file: 'totp_authenticator.bin',
    password: 'Testtest1',
    format: 'totp-authenticator',
    encrypted: true,
    expected: () => at(0, 1, 2).map((a) => ({ ...a, algorithm: 'SHA1' as const, accountName: a.accountName.toLowerCase() })),
  },
  { file: 'authenticator_plus.zip', password: 'testtesttest', format: 'authenticator-plus', encrypted: true, expected: () => at(...ALL) },
  // Duo: a name, no issuer, SHA1/6/30; its HOTP counter had moved on to 3 in the app.
  { file: 'duo.json', format: 'duo', encrypted: false, expected: () => [{ ...plain[0]!, issuer: '' }, { ...plain[3]!, issuer: '', counter: 3 }] },
  {
    file: 'battle_net_authenticator.xml',
    format: 'battle-net',
    encrypted: false,
    // The secret is the unmasked 20-byte key 0b0d1bbc…8c28 in base32; the serial is the name.
    expected: () => [{ issuer: 'Battle.net', accountName: 'US-2211-2050-3346', secret: 'BMGRXPGFARQQF4GMT25JATL2VYLAHDBI', type: 'totp', algorithm: 'SHA1', digits: 8, period: 30, counter: 0 }],
  },
];

describe('importFile on the exports of nine more apps', () => {
  it.each(cases)('$file → $format, exactly the accounts the app holds', async ({ file, password, format, encrypted, expected }) => {
    const result = await importFile({ name: file, bytes: fixtureBytes(file) }, password === undefined ? {} : { password });
    expectCleanImport(result, { format, encrypted, accounts: expected() });
  });

  const encrypted = cases.filter((c) => c.password !== undefined);

  it.each(encrypted)('$file without a password → PasswordRequiredError', async ({ file }) => {
    await expect(importFile({ bytes: fixtureBytes(file) })).rejects.toBeInstanceOf(PasswordRequiredError);
    await expect(importFile({ bytes: fixtureBytes(file) }, { password: '' })).rejects.toBeInstanceOf(PasswordRequiredError);
  });

  it.each(encrypted)('$file with a wrong password → WrongPasswordError', async ({ file, password }) => {
    await expect(importFile({ bytes: fixtureBytes(file) }, { password: `${password!}x` })).rejects.toBeInstanceOf(WrongPasswordError);
  });
});

describe('detection names the right app, or none', () => {
  it('a FreeOTP tokens.xml is not blamed on Authy', async () => {
    expect((await importFile({ text: fixtureText('freeotp.xml') })).format).toBe('freeotp');
  });

  it('a SQLite database without an accounts table is "not an export we know"', async () => {
    const { sqliteEngine } = await import('../fixtures');
    const SQL = await sqliteEngine.load();
    const db = new SQL.Database();
    db.run('CREATE TABLE authenticator (secret TEXT)');
    const bytes = db.export();
    db.close();
    const error = await importFile({ bytes }, { sqlite: sqliteEngine }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedFormatError);
    expect((error as Error).message).toMatch(/not an export we know/);
    expect((error as Error).message).not.toMatch(/not Microsoft Authenticator's/);
  });

  it('a Java-serialized object that is not a string map is refused, never evaluated', async () => {
    // An ArrayList descriptor in place of HashMap.
    const name = new TextEncoder().encode('java.util.ArrayList');
    const bytes = Uint8Array.from([0xac, 0xed, 0x00, 0x05, 0x73, 0x72, 0x00, name.length, ...name, 0, 0, 0, 0, 0, 0, 0, 1, 0x03, 0, 0, 0x78, 0x70]);
    await expect(importFile({ bytes })).rejects.toThrow(/java\.util\.ArrayList, not a java\.util\.HashMap/);
  });

  it('a zip without Accounts.txt names what it holds', async () => {
    const zip = await import('@zip.js/zip.js');
    const writer = new zip.ZipWriter(new zip.Uint8ArrayWriter(), { useWebWorkers: false });
    await writer.add('photo.jpg', new zip.TextReader('not an export'));
    const bytes = await writer.close();
    await expect(importFile({ bytes })).rejects.toThrow(/not an export we know: it has no Accounts\.txt \(it holds "photo\.jpg"\)/);
  });
});

describe('Stratum legacy encrypted backups', () => {
  /** Built as the app's legacy encryption does: PBKDF2-SHA1 64 000 rounds, AES-256-CBC. */
  async function legacyFile(password: string, json: string): Promise<Uint8Array> {
    const salt = Uint8Array.from({ length: 20 }, (_, i) => i + 1);
    const iv = Uint8Array.from({ length: 16 }, (_, i) => 100 + i);
    const key = await pbkdf2(password, salt, 64_000, 'SHA-1');
    const body = await aesCbcEncrypt(key, iv, new TextEncoder().encode(json));
    return new Uint8Array([...new TextEncoder().encode('AuthenticatorPro'), ...salt, ...iv, ...body]);
  }

  it('reads every account with the right password', async () => {
    const bytes = await legacyFile('test', fixtureText('stratum_plain.json'));
    const result = await importFile({ bytes }, { password: 'test' });
    expect(result).toMatchObject({ format: 'stratum', encrypted: true, skipped: [] });
    expect(result.accounts).toEqual(plain);
  });

  it('a wrong password → WrongPasswordError; none → PasswordRequiredError', async () => {
    const bytes = await legacyFile('test', fixtureText('stratum_plain.json'));
    await expect(importFile({ bytes }, { password: 'tset' })).rejects.toBeInstanceOf(WrongPasswordError);
    await expect(importFile({ bytes })).rejects.toBeInstanceOf(PasswordRequiredError);
  });

  it('cut mid-block → DamagedFileError before any key derivation', async () => {
    const bytes = await legacyFile('test', fixtureText('stratum_plain.json'));
    await expect(importFile({ bytes: bytes.subarray(0, bytes.length - 5) }, { password: 'test' })).rejects.toBeInstanceOf(DamagedFileError);
  });
});

describe('entries that do not open are reported, not dropped', () => {
  it('an Authy token whose ciphertext was altered is skipped once another opened', async () => {
    const xml = fixtureText('authy_encrypted.xml').replace('SRtA3xEj1iD9Bh1aHITCtPW6wcbURAsWwWs00oH4SZ8', 'SRtA3xEk1iD9Bh1aHITCtPW6wcbURAsWwWs00oH4SZ8');
    const result = await importFile({ text: xml }, { password: 'testtest' });
    expect(result.accounts).toEqual(at(0, 1).map(sha1Period30));
    expect(result.skipped).toEqual([{ index: 2, label: 'Airbnb: Elijah', reason: { code: 'secret/damaged', message: expect.any(String) } }]);
  });

  it('Stratum mOTP and Yandex authenticators are skipped as unsupported types', async () => {
    const doc = JSON.parse(fixtureText('stratum_plain.json')) as { Authenticators: { Type: number }[] };
    doc.Authenticators[0]!.Type = 3;
    doc.Authenticators[1]!.Type = 5;
    const result = await importFile({ text: JSON.stringify(doc) });
    expect(result.accounts).toEqual(at(2, 3, 4, 5, 6));
    expect(result.skipped.map((s) => [s.index, s.reason.code])).toEqual([
      [0, 'unsupported-type'],
      [1, 'unsupported-type'],
    ]);
  });
});

describe('damage in plain files is reported', () => {
  it('a Bitwarden CSV row with a missing comma is a skipped entry naming its line', async () => {
    const lines = fixtureText('bitwarden.csv').trimEnd().split('\n');
    lines[1] = lines[1]!.replace(',', '');
    const result = await importFile({ text: lines.join('\n') });
    expect(result.skipped).toEqual([{ index: 0, label: 'line 2', reason: { code: 'malformed', message: expect.stringMatching(/^Line 2 has \d+ fields; the header has 10\.$/) } }]);
  });

  it('a 2FAS backup whose encrypted-field key lost its case is damaged, not an empty plain backup', async () => {
    const text = fixtureText('2fas_authenticator_encrypted_v4.2fas').replace('"servicesEncrypted"', '"servicesEncRypted"');
    await expect(importFile({ text }, { password: 'test' })).rejects.toBeInstanceOf(DamagedFileError);
  });

  it('Latin-1 text is read as Windows-1252 with a warning saying so', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('otpauth://totp/Caf'), 0xe9, ...new TextEncoder().encode(':Ren?secret=JBSWY3DPEHPK3PXP\n')]);
    const result = await importFile({ bytes });
    expect(result.accounts.map((a) => a.issuer)).toEqual(['Café']);
    expect(result.warnings).toEqual([{ code: 'not-utf8', label: 'Windows-1252 (Latin-1)', message: expect.any(String) }]);
  });

  it('a secret shorter than 10 bytes is imported with a warning naming the account', async () => {
    const result = await importFile({ text: 'otpauth://totp/Shop:ann?secret=JBSWY3DP' });
    expect(result.accounts).toHaveLength(1);
    expect(result.warnings).toEqual([{ code: 'short-secret', label: 'Shop: ann', message: expect.stringMatching(/only 5 bytes/) }]);
  });
});
