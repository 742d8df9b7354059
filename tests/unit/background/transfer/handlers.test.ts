import { describe, expect, it } from 'vitest';
import { HANDLERS } from '../../../../lib/background/handlers';
import { route } from '../../../../lib/background/router';
import { importFile } from '../../../../lib/import';
import type { ImportSource, Payload, RequestType, Response } from '../../../../lib/messaging/protocol';
import type { Account, AccountDraft } from '../../../../lib/otp/account';
import { generateCode } from '../../../../lib/otp/code';
import { formatMigrationUri } from '../../../../lib/migration/uri';
import { countWrites, createFakePorts, type FakePorts } from '../fake-ports';
import { draftFor, expectFailure, PASSWORD, POPUP, rememberSecret, SELF, send, sendOk, sessionMasterKey, storedContents, useSharedVault, expectRefusedWithoutWrite } from '../harness';
import { FIXTURE_PASSWORD, fixtureBytes, fixtureText, plainAccounts, sqliteEngine } from '../../import/fixtures';

/*
 * Import and export through route(), as the options page sends them
 * (docs/transfer.md). The harness fails any answer that carries a password or
 * a secret it knows: every fixture secret is registered below, so only the
 * plain exports (sent with `sendPlain`, which skips that check) may hold them.
 */

const plain = plainAccounts();
for (const account of plain) rememberSecret(account.secret);
rememberSecret(FIXTURE_PASSWORD);
const OTHER_PASSWORD = 'another long passphrase 7';
rememberSecret(OTHER_PASSWORD);

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fileSource = (name: string): ImportSource => ({ fileName: name, bytesBase64: base64(fixtureBytes(name)) });
const names = (accounts: readonly Pick<AccountDraft, 'issuer' | 'accountName'>[]) => accounts.map((a) => `${a.issuer}:${a.accountName}`);
/** The fields an import carries (no ids or timestamps). */
const draftOf = ({ issuer, accountName, secret, type, algorithm, digits, period, counter }: AccountDraft): AccountDraft => ({
  issuer, accountName, secret, type, algorithm, digits, period, counter,
});

// The vault: plain.txt's first account (Deno: Mason, also in every fixture) and one unrelated account.
const vault = useSharedVault(async (ports) => {
  const deno = await sendOk(ports, 'accounts.add', { uri: fixtureText('plain.txt').split('\n')[0]! });
  const other = await sendOk(ports, 'accounts.add', { draft: draftFor(1) });
  return [deno.id, other.id];
});

const stored = (ports: FakePorts) => storedContents(ports, vault.masterKey);

/** A request whose answer may hold secrets (plain exports): route() without the harness's secret check. */
async function sendPlain<T extends RequestType>(ports: FakePorts, type: T, payload: Payload<T>): Promise<Response<T>> {
  return (await route({ type, payload }, POPUP, SELF, ports, HANDLERS)) as Response<T>;
}

describe('import.preview', () => {
  it('lists what would be added (no secrets) and the duplicate already here, and writes nothing', async () => {
    const { ports } = vault;
    const before = ports.local.dump();
    const { result, local } = await countWrites(ports, () => send(ports, 'import.preview', { source: fileSource('aegis_plain.json') }));
    if (!result.ok) expect.fail(JSON.stringify(result.error));
    // (storage.session is written once, by the router: the activity that postpones the automatic lock.)
    expect(local).toBe(0);
    expect(ports.local.dump()).toEqual(before);

    const preview = result.value;
    expect(preview).toMatchObject({ format: 'aegis', encrypted: false, warnings: [] });
    expect(names(preview.toAdd)).toEqual(names(plain.slice(1)));
    for (const view of preview.toAdd) expect(view).not.toHaveProperty('secret');
    expect(preview.toAdd[2]).toMatchObject({ type: 'hotp', counter: 1, algorithm: 'SHA1' });
    expect(preview.skipped).toEqual([
      {
        label: 'Deno: Mason',
        code: 'duplicate',
        message: expect.stringContaining('Deno: Mason'),
        duplicateOf: { id: vault.ids[0], issuer: 'Deno', accountName: 'Mason', reason: 'same-secret' },
      },
    ]);
  });

  it('reads pasted text; a bad line is listed with its reason, the good ones are kept', async () => {
    const { ports } = vault;
    const text = ['otpauth://totp/Good:one?secret=JBSWY3DPEHPK3PXP', 'otpauth://totp/Bad:two?secret=NOT*BASE32', 'otpauth://totp/Good:one?secret=JBSWY3DPEHPK3PXP'].join('\n');
    rememberSecret('JBSWY3DPEHPK3PXP');
    const preview = await sendOk(ports, 'import.preview', { source: { text } });
    expect(preview.format).toBe('otpauth-uri-list');
    expect(names(preview.toAdd)).toEqual(['Good:one']);
    expect(preview.skipped.map((s) => [s.label, s.code])).toEqual([
      ['Bad: two', 'secret/invalid-base32'],
      ['Good: one', 'duplicate-in-file'],
    ]);
    expect(preview.skipped[1]!.duplicateOf).toEqual({ issuer: 'Good', accountName: 'one', reason: 'same-secret' });
  });

  it('asks for the password of an encrypted file, refuses a wrong one, opens with the right one', async () => {
    const { ports } = vault;
    const source = fileSource('2fas_authenticator_encrypted_v4.2fas');
    await expectRefusedWithoutWrite(ports, 'import.preview', { source }, 'import-password-required');
    const wrong = await expectRefusedWithoutWrite(ports, 'import.preview', { source, password: 'not it' }, 'import-wrong-password');
    expect(wrong.message).not.toContain('not it');
    const preview = await sendOk(ports, 'import.preview', { source, password: FIXTURE_PASSWORD });
    expect(preview).toMatchObject({ format: '2fas', encrypted: true });
    // 2FAS keeps 30 s accounts only; Deno: Mason is already here.
    expect(names(preview.toAdd)).toEqual(names([3, 4, 5, 6].map((i) => plain[i]!)));
    expect(preview.skipped.map((s) => s.code)).toEqual(['duplicate']);
  });

  it.each([
    // Headerless binary may be an old andOTP backup (it has no header): the password is asked for on that guess.
    ['binary garbage', { fileName: 'x.bin', bytesBase64: base64(Uint8Array.from({ length: 64 }, (_, i) => (i * 37) & 0xff)) }, 'import-password-required'],
    ['a PNG image', { fileName: 'x.png', bytesBase64: base64(Uint8Array.from({ length: 64 }, (_, i) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a][i] ?? i)) }, 'import-unsupported-format'],
    ['text that is no export', { text: 'hello, this is a letter' }, 'import-unsupported-format'],
    ['broken JSON', { fileName: 'aegis.json', bytesBase64: base64(new TextEncoder().encode('{"header": {"slots": ')) }, 'import-damaged-file'],
    ['an empty file', { fileName: 'empty.txt', bytesBase64: '' }, 'import-unsupported-format'],
    // One account record and no closing fields: a Google Authenticator export cut short.
    ['a Google Authenticator link cut short', { text: formatMigrationUri({ otpParameters: [{ secret: new Uint8Array(10), name: 'a', issuer: '', algorithm: 1, digits: 1, type: 2, counter: 0 }], version: 0, batchSize: 0, batchIndex: 0, batchId: 0 }) }, 'import-cut-short'],
  ] satisfies [string, ImportSource, string][])('refuses %s with a typed failure and leaves storage as it was', async (_label, source, code) => {
    const failure = await expectRefusedWithoutWrite(vault.ports, 'import.preview', { source }, code as 'import-unsupported-format' | 'import-password-required');
    expect(failure.message.length).toBeGreaterThan(10);
  });

  it('refuses input that is not base64, and payloads over the size limit, before any handler runs', async () => {
    const { ports } = vault;
    await expectRefusedWithoutWrite(ports, 'import.preview', { source: { bytesBase64: '%%%not base64%%%' } }, 'bad-request');
    await expectRefusedWithoutWrite(ports, 'import.preview', { source: { bytesBase64: 'A'.repeat(28_000_004) } }, 'bad-request');
    await expectRefusedWithoutWrite(ports, 'import.preview', { source: { text: 'a'.repeat(20 * 1024 * 1024 + 1) } }, 'bad-request');
  });

  it('is refused while the vault is locked', async () => {
    const { ports } = vault;
    await sendOk(ports, 'vault.lock', {});
    await expectRefusedWithoutWrite(ports, 'import.preview', { source: fileSource('aegis_plain.json') }, 'locked');
  });

  it('reads a Microsoft Authenticator database with the SQLite port', async () => {
    const ports = Object.assign(vault.ports, { sqlite: sqliteEngine });
    const preview = await sendOk(ports, 'import.preview', { source: fileSource('microsoft_authenticator.sqlite') });
    expect(preview.format).toBe('microsoft-authenticator');
    expect(preview.toAdd).toHaveLength(6);
    expect(preview.skipped.map((s) => s.code)).toEqual(['duplicate']);
  });
});

describe('import.apply', () => {
  it('adds every non-duplicate in the file order in ONE write, leaving the existing accounts untouched', async () => {
    const { ports } = vault;
    const before = await stored(ports);
    ports.advance(5000);
    const { result, local } = await countWrites(ports, () => send(ports, 'import.apply', { source: fileSource('aegis_encrypted.json'), password: FIXTURE_PASSWORD }));
    expect(result).toEqual({ ok: true, value: { added: 6, skipped: 1 } });
    expect(local).toBe(1);

    const after = await stored(ports);
    expect(after.accounts.slice(0, 2)).toEqual(before.accounts);
    const added = after.accounts.slice(2);
    expect(added.map(draftOf)).toEqual(plain.slice(1).map(draftOf));
    for (const account of added) expect(account).toMatchObject({ createdAt: ports.now(), modifiedAt: ports.now() });
    expect(new Set(after.accounts.map((a) => a.id)).size).toBe(8);
  });

  it('never overwrites: an account with the same name but another secret is skipped, and the existing secret stays', async () => {
    const { ports } = vault;
    const before = await stored(ports);
    const text = `otpauth://totp/deno:MASON?secret=${'MFRGGZDFMZTWQ2LK'}\n`;
    rememberSecret('MFRGGZDFMZTWQ2LK');
    const { result, local } = await countWrites(ports, () => send(ports, 'import.apply', { source: { text } }));
    expect(result).toEqual({ ok: true, value: { added: 0, skipped: 1 } });
    expect(local).toBe(0);
    expect(await stored(ports)).toEqual(before);
  });

  it('parses again instead of trusting the preview: a wrong password is refused and nothing is written', async () => {
    await expectRefusedWithoutWrite(vault.ports, 'import.apply', { source: fileSource('andotp_encrypted.bin'), password: 'wrong' }, 'import-wrong-password');
  });

  it('importing the same file twice adds nothing the second time', async () => {
    const { ports } = vault;
    expect(await sendOk(ports, 'import.apply', { source: fileSource('freeotp_plus.json') })).toEqual({ added: 5, skipped: 1 });
    const { result, local } = await countWrites(ports, () => send(ports, 'import.apply', { source: fileSource('freeotp_plus.json') }));
    expect(result).toEqual({ ok: true, value: { added: 0, skipped: 6 } });
    expect(local).toBe(0);
  });
});

describe('export.file and export.migration-qr', () => {
  it.each(['hikae-encrypted', 'otpauth-uri-list', 'aegis-plain'] as const)('%s: refuses a wrong password and gives nothing away', async (format) => {
    const { ports } = vault;
    const answer = await sendPlain(ports, 'export.file', { format, password: 'not the password' });
    expectFailure(answer, 'wrong-password');
    expect(JSON.stringify(answer)).not.toContain(plain[0]!.secret);
  });

  it('refuses the QR export with a wrong password, and any export while locked', async () => {
    const { ports } = vault;
    expectFailure(await sendPlain(ports, 'export.migration-qr', { password: 'nope nope' }), 'wrong-password');
    await sendOk(ports, 'vault.lock', {});
    expectFailure(await sendPlain(ports, 'export.file', { format: 'aegis-plain', password: PASSWORD }), 'locked');
  });

  it('refuses an unknown format', async () => {
    expectFailure(await sendPlain(vault.ports, 'export.file', { format: 'csv' as 'aegis-plain', password: PASSWORD }), 'bad-request');
  });

  it('plain exports carry every exportable account and read back the same; device-bound ones are left out and named', async () => {
    const { ports } = vault;
    await sendOk(ports, 'import.apply', { source: fileSource('aegis_plain.json') });
    await sendOk(ports, 'accounts.update', { id: vault.ids[1]!, edit: { deviceBound: true } });
    const accounts = (await stored(ports)).accounts;
    const exportable = accounts.filter((a) => !a.deviceBound);

    for (const format of ['otpauth-uri-list', 'aegis-plain'] as const) {
      const answer = await sendPlain(ports, 'export.file', { format, password: PASSWORD });
      if (!answer.ok) expect.fail(JSON.stringify(answer.error));
      const file = answer.value;
      expect(file.fileName).toMatch(format === 'aegis-plain' ? /^hikae-export-\d{4}-\d{2}-\d{2}-aegis\.json$/ : /^hikae-export-\d{4}-\d{2}-\d{2}\.txt$/);
      expect(file.notExported).toEqual([{ label: 'Issuer 1: user1@example.com', code: 'device-bound', message: expect.any(String) }]);
      const back = await importFile({ text: file.text });
      expect(back.accounts.map(draftOf)).toEqual(exportable.map(draftOf));
      expect(file.text).not.toContain(accounts.find((a) => a.deviceBound)!.secret);
    }
  });

  it('Google Authenticator QR links hold what the app can, and name the rest', async () => {
    const { ports } = vault;
    await sendOk(ports, 'import.apply', { source: fileSource('aegis_plain.json') });
    const answer = await sendPlain(ports, 'export.migration-qr', { password: PASSWORD });
    if (!answer.ok) expect.fail(JSON.stringify(answer.error));
    const { uris, notExported } = answer.value;
    expect(uris.length).toBeGreaterThan(0);
    for (const uri of uris) expect(uri).toMatch(/^otpauth-migration:\/\/offline\?data=/);
    // 7 digits (SPDX, Air Canada), 50 s (Airbnb) and Steam (Boeing) don't fit Google Authenticator.
    expect(notExported.map((o) => [o.label, o.code])).toEqual([
      ['SPDX: James', 'digits/unsupported'],
      ['Airbnb: Elijah', 'period/unsupported'],
      ['Air Canada: Benjamin', 'digits/unsupported'],
      ['Boeing: Sophia', 'type/unsupported'],
    ]);
    const back = await importFile({ text: uris.join('\n') });
    expect(names(back.accounts)).toEqual(['Deno:Mason', 'Issuer 1:user1@example.com', 'Issuu:James', 'WWE:Mason']);
  });
});

describe('own encrypted export → import into a fresh vault', () => {
  it('round-trips every account in order with the first password, into a vault with another password', async () => {
    const { ports } = vault;
    await sendOk(ports, 'import.apply', { source: fileSource('aegis_plain.json') });
    const original = (await stored(ports)).accounts;
    // The encrypted file carries no secret in the clear: the harness's check passes on it.
    const file = await sendOk(ports, 'export.file', { format: 'hikae-encrypted', password: PASSWORD });
    expect(file).toMatchObject({ mimeType: 'application/json', notExported: [] });
    expect(file.fileName).toMatch(/^hikae-export-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(file.text)).toMatchObject({ format: 'hikae-backup', version: 2, summary: { accountCount: 8 } });

    const fresh = createFakePorts({ seed: 4242, nowMs: ports.now() });
    await sendOk(fresh, 'vault.create', { password: OTHER_PASSWORD });
    const source: ImportSource = { fileName: file.fileName, bytesBase64: base64(new TextEncoder().encode(file.text)) };
    await expectRefusedWithoutWrite(fresh, 'import.preview', { source }, 'import-password-required');
    await expectRefusedWithoutWrite(fresh, 'import.preview', { source, password: OTHER_PASSWORD }, 'import-wrong-password');
    const preview = await sendOk(fresh, 'import.preview', { source, password: PASSWORD });
    expect(preview).toMatchObject({ format: 'hikae-encrypted', encrypted: true, skipped: [] });
    expect(names(preview.toAdd)).toEqual(names(original));

    const { result, local } = await countWrites(fresh, () => send(fresh, 'import.apply', { source, password: PASSWORD }));
    expect(result).toEqual({ ok: true, value: { added: 8, skipped: 0 } });
    expect(local).toBe(1);
    const imported = (await storedContents(fresh, sessionMasterKey(fresh))).accounts;
    expect(imported.map(draftOf)).toEqual(original.map(draftOf));
    const codes = (accounts: Account[]) => accounts.map((a) => generateCode(a, fresh.now()).value);
    expect(codes(imported)).toEqual(codes(original));
  });

  it('a device-bound account travels without its secret and is listed on both sides', async () => {
    const { ports } = vault;
    await sendOk(ports, 'accounts.update', { id: vault.ids[0]!, edit: { deviceBound: true } });
    const file = await sendOk(ports, 'export.file', { format: 'hikae-encrypted', password: PASSWORD });
    expect(file.notExported).toEqual([{ label: 'Deno: Mason', code: 'device-bound', message: expect.any(String) }]);

    const fresh = createFakePorts({ seed: 4343, nowMs: ports.now() });
    await sendOk(fresh, 'vault.create', { password: OTHER_PASSWORD });
    const preview = await sendOk(fresh, 'import.preview', { source: { text: file.text }, password: PASSWORD });
    expect(names(preview.toAdd)).toEqual(['Issuer 1:user1@example.com']);
    expect(preview.skipped.map((s) => [s.label, s.code])).toEqual([['Deno: Mason', 'no-secret']]);
  });
});
