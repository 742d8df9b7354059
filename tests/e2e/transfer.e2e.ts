import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMigrationUri, parseMigrationUri } from '../../lib/migration';
import { BROWSERS, ROOT, type BrowserKind } from '../../tools/browser/config';
import { launchWithExtension, type ExtensionBrowser } from '../../tools/browser/launch';
import { findLeaks } from './harness/leaks';
import { referenceHotp, referenceTotp } from './harness/reference-otp';
import { clickButton, fill, waitFor, waitForText } from './harness/ui';

/*
 * Import and export through the options page (docs/transfer.md), in each
 * browser: an encrypted 2FAS file through the file input (wrong password
 * first), an Aegis file whose accounts are partly here already, pasted links,
 * a garbage file; the codes in the popup checked against an independent OTP
 * implementation; Google Authenticator QR codes decoded with jsQR; the own
 * encrypted export downloaded and imported into a fresh profile.
 */

const PASSWORD = 'correct horse battery staple';
const FRESH_PASSWORD = 'a completely different passphrase';
const FILE_PASSWORD = 'test';
const FIXTURES = path.join(ROOT, 'tests/fixtures/imports');

interface Reference {
  issuer: string;
  accountName: string;
  secret: string;
  type: 'totp' | 'hotp' | 'steam';
  algorithm: 'sha1' | 'sha256' | 'sha512';
  digits: number;
  period: number;
  counter: number;
}

/** The seven accounts every fixture holds, read straight from plain.txt with URL, not with the extension's parser. */
const PLAIN: Reference[] = fs
  .readFileSync(path.join(FIXTURES, 'plain.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('otpauth://'))
  .map((line) => {
    const url = new URL(line);
    const q = url.searchParams;
    return {
      issuer: q.get('issuer')!,
      accountName: decodeURIComponent(url.pathname.slice(1)).split(':')[1]!,
      secret: q.get('secret')!,
      type: url.host as Reference['type'],
      algorithm: q.get('algorithm')!.toLowerCase() as Reference['algorithm'],
      digits: Number(q.get('digits')),
      period: Number(q.get('period') ?? 30),
      counter: Number(q.get('counter') ?? 0),
    };
  });
/** 2FAS has only 30-second periods: the 20 s (SPDX) and 50 s (Airbnb) accounts are not in its file. */
const TWO_FAS = PLAIN.filter((a) => a.type !== 'totp' || a.period === 30);
const AEGIS_ONLY = PLAIN.filter((a) => !TWO_FAS.includes(a));

/** RFC 4648 base32 without padding (for 20-byte keys, 32 characters). */
function base32(bytes: Buffer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...bytes].map((b) => b.toString(2).padStart(8, '0')).join('');
  return bits.match(/.{1,5}/g)!.map((chunk) => alphabet[parseInt(chunk.padEnd(5, '0'), 2)]).join('');
}

/** Twelve more accounts for pasting, so the Google Authenticator export needs two QR codes (10 per code). */
const PASTED: Reference[] = Array.from({ length: 12 }, (_, i) => ({
  issuer: `Pasted ${String(i + 1).padStart(2, '0')}`,
  accountName: `user${i + 1}@example.com`,
  secret: base32(createHash('sha1').update(`pasted account ${i}`).digest()),
  type: 'totp',
  algorithm: 'sha1',
  digits: 6,
  period: 30,
  counter: 0,
}));
const pastedText = PASTED.map((a) => `otpauth://totp/${encodeURIComponent(a.issuer)}:${encodeURIComponent(a.accountName)}?secret=${a.secret}&issuer=${encodeURIComponent(a.issuer)}`).join('\n');

/** Steam Guard codes, computed here independently: RFC 4226 truncation written in Steam's 26-letter alphabet. */
function referenceSteam(secretBase32: string, timeMs: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of secretBase32) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(timeMs / 30_000)));
  const digest = createHmac('sha1', key).update(counter).digest();
  let value = digest.readUInt32BE(digest[19]! & 0x0f) & 0x7fffffff;
  const steamChars = '23456789BCDFGHJKMNPQRTVWXY';
  let code = '';
  for (let i = 0; i < 5; i++) {
    code += steamChars[value % steamChars.length];
    value = Math.floor(value / steamChars.length);
  }
  return code;
}

function expectedCode(account: Reference, validUntil: number | null): string {
  if (account.type === 'hotp') return referenceHotp(account.secret, account.counter, account.digits, account.algorithm);
  const at = validUntil! - 1;
  if (account.type === 'steam') return referenceSteam(account.secret, at);
  return referenceTotp(account.secret, at, { digits: account.digits, period: account.period, algorithm: account.algorithm });
}

async function popupRows(page: Page) {
  return page.$$eval('li.code-row', (rows) =>
    rows.map((row) => ({
      title: row.querySelector('.issuer')?.textContent ?? '',
      name: row.querySelector('.account-name')?.textContent ?? '',
      code: row.querySelector('[data-testid="code"]')?.getAttribute('data-code') ?? null,
      validUntil: Number(row.querySelector('[data-testid="code"]')?.getAttribute('data-valid-until') ?? 0) || null,
    })),
  );
}

/** Opens the popup and checks that it lists exactly `expected`, in order, each with the independently computed code. */
async function expectPopupCodes(ext: ExtensionBrowser, expected: readonly Reference[]) {
  const popup = await ext.open('popup.html');
  await waitFor(popup, new Function(`return document.querySelectorAll('li.code-row [data-testid="code"]').length === ${expected.length}`) as () => boolean, {
    what: `${expected.length} codes`,
  });
  const rows = await popupRows(popup);
  expect(rows.map((r) => `${r.title}:${r.name}`)).toEqual(expected.map((a) => `${a.issuer}:${a.accountName}`));
  rows.forEach((row, i) => {
    expect(row.code, `${row.title}`).toBe(expectedCode(expected[i]!, row.validUntil));
  });
  await popup.close();
}

/** Chooses a file in the import section's file input, as a person does with the picker. */
async function chooseFile(page: Page, file: string) {
  const input = await page.waitForSelector('input[name="import-file"]');
  await input!.uploadFile(file);
}

/** A browser of `kind` with the extension and a new vault for the describe block; closed after it. */
function withFreshVault(kind: BrowserKind): () => ExtensionBrowser {
  let ext: ExtensionBrowser | undefined;
  beforeAll(async () => {
    ext = await launchWithExtension(kind);
    await createVault(ext, PASSWORD);
  });
  afterAll(async () => {
    await ext?.close();
  });
  return () => {
    if (ext === undefined) throw new Error('the browser did not start');
    return ext;
  };
}

/**
 * Picks an encrypted fixture in a new options page: the password is asked for, a wrong
 * one is refused with storage as it was, then the right one opens the preview.
 * @returns the page and the storage before (the preview must not change it either)
 */
async function openRefusingWrongPassword(ext: ExtensionBrowser, fixture: string, password: string): Promise<{ options: Page; before: string }> {
  const options = await ext.open('options.html#transfer');
  await chooseFile(options, path.join(FIXTURES, fixture));
  await waitForText(options, 'This export is encrypted. Enter the password it was exported with.');
  const before = JSON.stringify(await ext.readStorage('local'));
  await fill(options, 'import-password', 'not the password');
  await clickButton(options, 'Open');
  await waitForText(options, 'This password does not open the file. Nothing was imported.');
  expect(JSON.stringify(await ext.readStorage('local'))).toBe(before);
  await fill(options, 'import-password', password);
  await clickButton(options, 'Open');
  return { options, before };
}

/** The preview reads the file as `readAs` with `count` accounts to add and nothing else; storage is unchanged until Add. */
async function addAllFromPreview(ext: ExtensionBrowser, { options, before }: { options: Page; before: string }, readAs: string, count: number): Promise<void> {
  await waitForText(options, `Read as: ${readAs}`);
  await waitForText(options, `To add (${count})`);
  expect(JSON.stringify(await ext.readStorage('local'))).toBe(before);
  await clickButton(options, `Add ${count} accounts`);
  await waitForText(options, `Import done: ${count} added, 0 not added.`);
  await options.close();
}

/** Pastes text into Import (as a paste does, through React's input event) and asks for the preview. */
async function checkPastedText(options: Page, text: string): Promise<void> {
  await options.$eval('textarea[name="import-text"]', (el, value) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    setter.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await clickButton(options, 'Check text');
}

async function skippedList(page: Page) {
  return page.$$eval('[data-testid="import-skipped"] li', (items) =>
    items.map((li) => ({ label: li.querySelector('.label')?.textContent ?? '', code: li.getAttribute('data-code'), reason: li.querySelector('.reason')?.textContent ?? '' })),
  );
}

/** The pixels of the QR code on screen, decoded by jsQR in the test. */
async function decodeShownQr(page: Page): Promise<string> {
  const { width, height, pixels } = await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="migration-qr"] canvas')!;
    const image = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let binary = '';
    for (let i = 0; i < image.data.length; i += 0x8000) binary += String.fromCharCode(...image.data.subarray(i, i + 0x8000));
    return { width: image.width, height: image.height, pixels: btoa(binary) };
  });
  const decoded = jsQR(new Uint8ClampedArray(Buffer.from(pixels, 'base64')), width, height);
  if (!decoded) throw new Error('jsQR found no QR code on the canvas');
  return decoded.data;
}

async function createVault(ext: ExtensionBrowser, password: string) {
  const popup = await ext.open('popup.html');
  await waitForText(popup, 'Protect your accounts');
  await fill(popup, 'new-password', password);
  await fill(popup, 'confirm-password', password);
  await clickButton(popup, 'Create password');
  await waitForText(popup, 'No accounts yet.');
  await popup.close();
}

describe.each(BROWSERS)('import and export in %s', (kind) => {
  let ext: ExtensionBrowser;
  /** The own encrypted export, as downloaded by the page. */
  let exported: { fileName: string; text: string } | undefined;
  const all = () => [...TWO_FAS, ...AEGIS_ONLY, ...PASTED];

  beforeAll(async () => {
    ext = await launchWithExtension(kind);
    await createVault(ext, PASSWORD);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('imports an encrypted 2FAS file through the file picker: password asked, a wrong one refused, preview, then added', async () => {
    const { options, before } = await openRefusingWrongPassword(ext, '2fas_authenticator_encrypted_v4.2fas', FILE_PASSWORD);
    await waitForText(options, 'Choose a file');
    await waitForText(options, 'Read as: 2FAS (encrypted)');
    await waitForText(options, `To add (${TWO_FAS.length})`);
    const listed = await options.$$eval('[data-testid="import-to-add"] li', (items) => items.map((li) => `${li.querySelector('.issuer')?.textContent}:${li.querySelector('.account-name')?.textContent}`));
    expect(listed).toEqual(TWO_FAS.map((a) => `${a.issuer}:${a.accountName}`));
    // The preview wrote nothing.
    expect(JSON.stringify(await ext.readStorage('local'))).toBe(before);

    await clickButton(options, `Add ${TWO_FAS.length} accounts`);
    await waitForText(options, `Import done: ${TWO_FAS.length} added, 0 not added.`);
    await options.close();
    await expectPopupCodes(ext, TWO_FAS);
  });

  it('imports an Aegis file: the accounts already here are listed as skipped duplicates and left unchanged', async () => {
    const options = await ext.open('options.html#transfer');
    await chooseFile(options, path.join(FIXTURES, 'aegis_plain.json'));
    await waitForText(options, 'Read as: Aegis');
    await waitForText(options, `To add (${AEGIS_ONLY.length})`);
    await waitForText(options, `Not added (${TWO_FAS.length})`);
    const skipped = await skippedList(options);
    expect(skipped.map((s) => s.label)).toEqual(TWO_FAS.map((a) => `${a.issuer}: ${a.accountName}`));
    for (const s of skipped) {
      expect(s.code).toBe('duplicate');
      expect(s.reason).toBe(`Already here as “${s.label}”: left unchanged.`);
    }
    await clickButton(options, `Add ${AEGIS_ONLY.length} accounts`);
    await waitForText(options, `Import done: ${AEGIS_ONLY.length} added, ${TWO_FAS.length} not added.`);
    await options.close();
    // The first five still give the codes of their own secrets: nothing was overwritten.
    await expectPopupCodes(ext, [...TWO_FAS, ...AEGIS_ONLY]);
  });

  it('reads a Microsoft Authenticator database with SQLite (WebAssembly) in the background; all already here', async () => {
    const options = await ext.open('options.html#transfer');
    await chooseFile(options, path.join(FIXTURES, 'microsoft_authenticator.sqlite'));
    await waitForText(options, 'Read as: Microsoft Authenticator');
    await waitForText(options, `Not added (${PLAIN.length})`);
    await waitForText(options, 'Nothing new to add.');
    expect((await skippedList(options)).map((s) => s.code)).toEqual(PLAIN.map(() => 'duplicate'));
    await clickButton(options, 'Cancel');
    expect(await options.$('[data-testid="import-preview"]')).toBeNull();
    await options.close();
  });

  it('reads a file dropped on the drop zone', async () => {
    const options = await ext.open('options.html#transfer');
    const text = fs.readFileSync(path.join(FIXTURES, 'plain.txt'), 'utf8');
    await options.$eval('[data-testid="import-drop-zone"]', (zone, content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'plain.txt', { type: 'text/plain' }));
      zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
      zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
    }, text);
    await waitForText(options, 'Read as: otpauth:// links');
    await waitForText(options, `Not added (${PLAIN.length})`);
    await options.close();
  });

  it('explains a file it cannot read and changes nothing; imports pasted links', async () => {
    const options = await ext.open('options.html#transfer');
    const before = JSON.stringify(await ext.readStorage('local'));
    const garbage = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hikae-garbage-')), 'photo.jpg');
    fs.writeFileSync(garbage, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 3, 0, 0xff]));
    await chooseFile(options, garbage);
    await waitForText(options, 'This is not an export we can read.');
    expect(JSON.stringify(await ext.readStorage('local'))).toBe(before);

    await checkPastedText(options, pastedText);
    await waitForText(options, 'Read as: otpauth:// links');
    await waitForText(options, `To add (${PASTED.length})`);
    await clickButton(options, `Add ${PASTED.length} accounts`);
    await waitForText(options, `Import done: ${PASTED.length} added, 0 not added.`);
    await options.close();
  });

  it('shows Google Authenticator QR codes one at a time after the password; each decodes to a migration link', async () => {
    const options = await ext.open('options.html#transfer');
    await options.click('input[name="export-format"][value="google-authenticator"]');
    await waitForText(options, 'These QR codes hold your secret keys');
    await fill(options, 'export-password', 'wrong password');
    await clickButton(options, 'Show QR codes');
    await waitForText(options, 'Wrong password.');
    expect(await options.$('[data-testid="migration-qr"]')).toBeNull();

    await fill(options, 'export-password', PASSWORD);
    await clickButton(options, 'Show QR codes');
    // 6/8 digits, 30 s, no Steam: Deno, Issuu, WWE and the twelve pasted accounts fit; 15 accounts → 2 codes.
    const fits = all().filter((a) => a.type !== 'steam' && (a.digits === 6 || a.digits === 8) && (a.type === 'hotp' || a.period === 30));
    await waitForText(options, 'QR code 1 of 2');
    const links: string[] = [];
    for (let i = 0; i < 2; i++) {
      await waitFor(options, new Function(`return document.querySelector('[data-testid="migration-qr"] canvas')?.getAttribute('data-drawn') === 'true' && document.querySelector('[data-testid="migration-qr"] canvas')?.getAttribute('data-index') === '${i}'`) as () => boolean, { what: `QR ${i + 1} drawn` });
      expect(await options.$$('[data-testid="migration-qr"] canvas')).toHaveLength(1);
      links.push(await decodeShownQr(options));
      if (i === 0) await clickButton(options, 'Next');
    }
    await waitForText(options, 'QR code 2 of 2');
    const payloads = links.map((link) => {
      expect(link).toMatch(/^otpauth-migration:\/\/offline\?data=/);
      return parseMigrationUri(link);
    });
    expect(payloads.map((p) => [p.batchIndex, p.batchSize])).toEqual([[0, 2], [1, 2]]);
    expect(payloads[0]!.batchId).toBe(payloads[1]!.batchId);
    expect(payloads.flatMap((p) => p.otpParameters.map((o) => o.issuer))).toEqual(fits.map((a) => a.issuer));
    // The rest are named with the reason.
    const omitted = await options.$$eval('[data-testid="export-omitted"] li', (items) => items.map((li) => li.getAttribute('data-code')));
    expect(omitted).toHaveLength(all().length - fits.length);
    await clickButton(options, 'Hide QR codes');
    expect(await options.$('[data-testid="migration-qr"]')).toBeNull();
    await options.close();
  });

  it('exports a plain otpauth list only after the password and a warning', async () => {
    const options = await ext.open('options.html#transfer');
    await options.click('input[name="export-format"][value="otpauth-uri-list"]');
    await waitForText(options, 'This file holds your secret keys in plain text');
    await fill(options, 'export-password', PASSWORD);
    await clickButton(options, 'Export');
    const href = await waitFor(options, () => document.querySelector('[data-testid="export-download"]')?.getAttribute('href'), { what: 'download link' });
    expect(await options.$eval('[data-testid="export-download"]', (a) => a.getAttribute('download'))).toMatch(/^hikae-export-\d{4}-\d{2}-\d{2}\.txt$/);
    const text = await options.evaluate(async (url) => (await fetch(url)).text(), href as string);
    const secrets = text.trim().split('\n').map((line) => new URL(line).searchParams.get('secret'));
    expect(secrets).toEqual(all().map((a) => a.secret));
    await options.close();
  });

  it('exports the own encrypted file after the password; the download holds no secret in clear', async () => {
    const options = await ext.open('options.html#transfer');
    await fill(options, 'export-password', 'wrong password');
    await clickButton(options, 'Export');
    await waitForText(options, 'Wrong password.');
    expect(await options.$('[data-testid="export-download"]')).toBeNull();

    await fill(options, 'export-password', PASSWORD);
    await clickButton(options, 'Export');
    const href = await waitFor(options, () => document.querySelector('[data-testid="export-download"]')?.getAttribute('href'), { what: 'download link' });
    const fileName = await options.$eval('[data-testid="export-download"]', (a) => a.getAttribute('download')!);
    expect(fileName).toMatch(/^hikae-export-\d{4}-\d{2}-\d{2}\.json$/);
    await waitForText(options, `Saved as ${fileName}.`);
    const text = await options.evaluate(async (url) => (await fetch(url)).text(), href as string);
    expect(JSON.parse(text)).toMatchObject({ format: 'hikae-backup', version: 2, summary: { accountCount: all().length } });
    expect(findLeaks(JSON.parse(text), { secrets: all().map((a) => a.secret), names: all().flatMap((a) => [a.accountName, a.issuer]) })).toEqual([]);
    exported = { fileName, text };
    await options.close();
  });

  it('imports that file into a fresh profile with another password: same accounts, same order, same codes', async () => {
    expect(exported, 'the export test ran').toBeDefined();
    await ext.close();
    ext = await launchWithExtension(kind);
    await createVault(ext, FRESH_PASSWORD);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hikae-export-')), exported!.fileName);
    fs.writeFileSync(file, exported!.text);

    const options = await ext.open('options.html#transfer');
    await chooseFile(options, file);
    await waitForText(options, 'This export is encrypted. Enter the password it was exported with.');
    await fill(options, 'import-password', FRESH_PASSWORD);
    await clickButton(options, 'Open');
    await waitForText(options, 'This password does not open the file. Nothing was imported.');
    await fill(options, 'import-password', PASSWORD);
    await clickButton(options, 'Open');
    await waitForText(options, 'Read as: Hikae encrypted export (encrypted)');
    await waitForText(options, `To add (${all().length})`);
    await clickButton(options, `Add ${all().length} accounts`);
    await waitForText(options, `Import done: ${all().length} added, 0 not added.`);
    await options.close();
    await expectPopupCodes(ext, all());
  });
});

describe.each(BROWSERS)('imports from issue 13 apps in %s', (kind) => {
  const browser = withFreshVault(kind);
  /** Authy keeps no algorithm or period: its three TOTP accounts come in as SHA1, 30 s. */
  const AUTHY = PLAIN.slice(0, 3).map((a) => ({ ...a, algorithm: 'sha1' as const, period: 30 }));
  /** Stratum holds all seven; the three with Authy's secrets are duplicates. */
  const STRATUM_NEW = PLAIN.slice(3);

  it('imports an Authy file with encrypted secrets: password asked, a wrong one refused, preview, then added', async () => {
    const ext = browser();
    const opened = await openRefusingWrongPassword(ext, 'authy_encrypted.xml', 'testtest');
    await addAllFromPreview(ext, opened, 'Authy (encrypted)', AUTHY.length);
    await expectPopupCodes(ext, AUTHY);
  });

  it('imports a Stratum (Authenticator Pro) encrypted backup (Argon2id in the background): preview, then added', async () => {
    const ext = browser();
    const options = await ext.open('options.html#transfer');
    await chooseFile(options, path.join(FIXTURES, 'stratum_encrypted.bin'));
    await waitForText(options, 'This export is encrypted. Enter the password it was exported with.');
    await fill(options, 'import-password', 'test');
    await clickButton(options, 'Open');
    await waitForText(options, 'Read as: Stratum (Authenticator Pro) (encrypted)');
    await waitForText(options, `To add (${STRATUM_NEW.length})`);
    await waitForText(options, `Not added (${AUTHY.length})`);
    await clickButton(options, `Add ${STRATUM_NEW.length} accounts`);
    await waitForText(options, `Import done: ${STRATUM_NEW.length} added, ${AUTHY.length} not added.`);
    await options.close();
    await expectPopupCodes(ext, [...AUTHY, ...STRATUM_NEW]);
  });
});

describe.each(BROWSERS)('imports an Authenticator Plus zip in %s', (kind) => {
  const browser = withFreshVault(kind);

  it('opens the password-protected zip in the background (zip.js in the service worker): wrong password refused, preview, all seven added', async () => {
    const ext = browser();
    const opened = await openRefusingWrongPassword(ext, 'authenticator_plus.zip', 'testtesttest');
    await addAllFromPreview(ext, opened, 'Authenticator Plus (encrypted)', PLAIN.length);
    await expectPopupCodes(ext, PLAIN);
  });

  it('refuses a Google Authenticator link cut short, saying how many accounts it could read, and stores nothing', async () => {
    const ext = browser();
    const options = await ext.open('options.html#transfer');
    const before = JSON.stringify(await ext.readStorage('local'));
    // Two whole account records and none of the closing fields Google writes after them.
    const record = (name: string) => ({ secret: createHash('sha1').update(name).digest(), name, issuer: 'Cut', algorithm: 1, digits: 1, type: 2, counter: 0 });
    await checkPastedText(options, formatMigrationUri({ otpParameters: [record('one'), record('two')], version: 0, batchSize: 0, batchIndex: 0, batchId: 0 }));
    await waitForText(options, 'This Google Authenticator export is cut short: its data ends early, and only 2 accounts could be read before the end.');
    expect(JSON.stringify(await ext.readStorage('local'))).toBe(before);
    await options.close();
  });
});
