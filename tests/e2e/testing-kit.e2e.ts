import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openExtensionPage } from '../../testing/extension-page';
import { HikaeKitError, launch, type HikaeExtension } from '../../testing';
import { BROWSER_PATHS, BROWSERS, BUILD_DIRS, ROOT } from '../../tools/browser/config';
import { referenceHotp, referenceTotp } from './harness/reference-otp';

/*
 * The testing kit's API (testing/, docs/testing-with-puppeteer.md) against the
 * test build, in each browser: provisioning from links and export files, codes
 * checked against an independent RFC 4226/6238 implementation, bad input
 * refused with the vault unchanged, the test clock across a period boundary,
 * HOTP, lock/unlock and reset.
 */

const PASSWORD = 'correct horse battery staple';
const FIXTURES = path.join(ROOT, 'tests/fixtures/imports');
const LINKS = fs.readFileSync(path.join(FIXTURES, 'plain.txt'), 'utf8').split('\n').filter(Boolean);
const DENO = { link: LINKS[0]!, secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ' };
const SPDX = { link: LINKS[1]!, secret: '5OM4WOOGPLQEF6UGN3CPEOOLWU' };
const ISSUU = { link: LINKS[3]!, secret: 'YOOMIXWS5GN6RTBPUFFWKTW5M4' };
/** 2030-01-01T00:00:00Z: a boundary of every period the fixtures use (20, 30, 50 s). */
const BOUNDARY_MS = Date.UTC(2030, 0, 1);

/** A rejection's HikaeKitError code and message. */
async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof HikaeKitError)) throw new Error(`Expected a HikaeKitError, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

describe.each(BROWSERS)('testing kit in %s', (kind) => {
  let hikae: HikaeExtension;

  /** The stored (encrypted) vault, as the extension keeps it: compared byte for byte to prove nothing was written. */
  async function storedVault(): Promise<string> {
    const page = await openExtensionPage(hikae.browser, kind, `${hikae.origin}popup.html`, { waitForRender: false });
    try {
      return await page.evaluate(async () => {
        type Api = { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
        const scope = globalThis as unknown as { browser?: Api; chrome: Api };
        return JSON.stringify((await (scope.browser ?? scope.chrome).storage.local.get('vault')).vault);
      });
    } finally {
      await page.close();
    }
  }

  beforeAll(async () => {
    hikae = await launch({ browser: kind, executablePath: BROWSER_PATHS[kind], extensionPath: BUILD_DIRS[kind], puppeteer });
  });
  afterAll(async () => {
    await hikae?.close();
  });
  beforeEach(async () => {
    await hikae.reset();
  });

  it('provisions otpauth:// links into a new vault; the background\'s codes match RFC 6238/4226', async () => {
    const added = await hikae.provision({ password: PASSWORD, links: LINKS });
    expect(added.map((a) => `${a.issuer}:${a.accountName}:${a.type}`)).toEqual([
      'Deno:Mason:totp',
      'SPDX:James:totp',
      'Airbnb:Elijah:totp',
      'Issuu:James:hotp',
      'Air Canada:Benjamin:hotp',
      'WWE:Mason:hotp',
      'Boeing:Sophia:steam',
    ]);
    const deno = await hikae.code('Deno');
    expect(deno.code).toBe(referenceTotp(DENO.secret, deno.validFromMs));
    expect(deno.validUntilMs! - deno.validFromMs).toBe(30_000);
    const spdx = await hikae.code({ issuer: 'SPDX' });
    expect(spdx.code).toBe(referenceTotp(SPDX.secret, spdx.validFromMs, { digits: 7, period: 20, algorithm: 'sha256' }));
    const issuu = await hikae.code('Issuu:James');
    expect(issuu).toMatchObject({ code: referenceHotp(ISSUU.secret, 1), validUntilMs: null, secondsLeft: Infinity });
    expect((await hikae.code('Boeing')).code).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
    expect(await failure(hikae.code('James'))).toMatchObject({ code: 'ambiguous-account' });
  });

  // Counts: what the importer adds from each fixture (the 2FAS file holds 5 of plain.txt's 7).
  it.each([
    ['a 2FAS file', '2fas_authenticator_plain_v4.2fas', undefined, 5],
    ['an encrypted Aegis file', 'aegis_encrypted.json', 'test', 7],
  ])('provisions %s in one call', async (_what, file, filePassword, count) => {
    const added = await hikae.provision({ password: PASSWORD, file: path.join(FIXTURES, file), ...(filePassword ? { filePassword } : {}) });
    expect(added).toHaveLength(count);
    const deno = await hikae.code('Deno:Mason');
    expect(deno.code).toBe(referenceTotp(DENO.secret, deno.validFromMs));
  });

  it('refuses a malformed link and a wrong file password with a clear error, the vault unchanged', async () => {
    await hikae.provision({ password: PASSWORD, links: [DENO.link] });
    const before = await storedVault();

    const badLink = await failure(hikae.provision({ password: PASSWORD, links: [SPDX.link, 'otpauth://totp/Bad:link?secret=NOT*BASE32'] }));
    expect(badLink.code).toBe('invalid-account');
    expect(badLink.message).toContain('Link 2');
    const wrongPassword = await failure(hikae.provision({ password: PASSWORD, file: path.join(FIXTURES, 'aegis_encrypted.json'), filePassword: 'not the password' }));
    expect(wrongPassword.code).toBe('import-wrong-password');
    const duplicate = await failure(hikae.provision({ password: PASSWORD, links: [DENO.link] }));
    expect(duplicate.code).toBe('duplicate-account');

    expect(await storedVault()).toBe(before);
    expect((await hikae.accounts()).map((a) => a.issuer)).toEqual(['Deno']);
  });

  it('waitForFreshCode waits across a period boundary on the test clock', async () => {
    await hikae.provision({ password: PASSWORD, links: [DENO.link] });
    // 4 s before the boundary: the current code has at most 4 s left.
    await hikae.setClock(BOUNDARY_MS - 4000);
    const current = await hikae.code('Deno');
    // The background honours the clock: its code is for 2029-12-31T23:59:30Z (or, on a very slow run, the next one).
    expect(current.validFromMs).toBeGreaterThanOrEqual(BOUNDARY_MS - 30_000);
    expect(current.validFromMs).toBeLessThanOrEqual(BOUNDARY_MS);
    expect(current.code).toBe(referenceTotp(DENO.secret, current.validFromMs));

    const fresh = await hikae.waitForFreshCode('Deno', { minSecondsLeft: 10 });
    expect(fresh.validFromMs).toBeGreaterThanOrEqual(BOUNDARY_MS);
    expect(fresh.secondsLeft).toBeGreaterThanOrEqual(10);
    expect(fresh.code).toBe(referenceTotp(DENO.secret, fresh.validFromMs));
    expect(await failure(hikae.waitForFreshCode('Deno', { minSecondsLeft: 30 }))).toMatchObject({ code: 'invalid-argument' });

    await hikae.resetClock();
    const now = await hikae.code('Deno');
    expect(Math.abs(now.validFromMs - Date.now())).toBeLessThan(60_000);
  });

  it('HOTP: next code and counter control, checked against RFC 4226', async () => {
    await hikae.provision({ password: PASSWORD, links: [ISSUU.link] });
    expect((await hikae.code('Issuu')).code).toBe(referenceHotp(ISSUU.secret, 1));
    const next = await hikae.nextHotp('Issuu');
    expect(next).toMatchObject({ code: referenceHotp(ISSUU.secret, 2), account: { counter: 2 } });
    const fifth = await hikae.setHotpCounter('Issuu', 5);
    expect(fifth).toMatchObject({ code: referenceHotp(ISSUU.secret, 5), account: { counter: 5 } });
    expect((await hikae.waitForFreshCode('Issuu')).code).toBe(referenceHotp(ISSUU.secret, 5));
    expect(await failure(hikae.setHotpCounter('Issuu', 3))).toMatchObject({ code: 'invalid-argument' });
  });

  it('locks and unlocks; a locked vault gives no code, a wrong password is refused', async () => {
    await hikae.provision({ password: PASSWORD, links: [DENO.link] });
    await hikae.lock();
    expect(await hikae.state()).toBe('locked');
    expect(await failure(hikae.code('Deno'))).toMatchObject({ code: 'locked' });
    expect(await failure(hikae.unlock('not the password'))).toMatchObject({ code: 'wrong-password' });
    await hikae.unlock(PASSWORD);
    const deno = await hikae.code('Deno');
    expect(deno.code).toBe(referenceTotp(DENO.secret, deno.validFromMs));
    // provision() on a locked vault unlocks it with the password given.
    await hikae.lock();
    await hikae.provision({ password: PASSWORD, links: [SPDX.link] });
    expect((await hikae.accounts()).map((a) => a.issuer)).toEqual(['Deno', 'SPDX']);
  });

  it('reset returns to a fresh install', async () => {
    await hikae.provision({ password: PASSWORD, links: [DENO.link] });
    await hikae.reset();
    expect(await hikae.state()).toBe('uninitialized');
    await hikae.provision({ password: 'another long passphrase here', links: [SPDX.link] });
    expect((await hikae.accounts()).map((a) => a.issuer)).toEqual(['SPDX']);
  });

  it('codeForPage names why a page gets no code', async () => {
    await hikae.provision({ password: PASSWORD, links: [DENO.link] });
    expect(await failure(hikae.codeForPage('https://deno.test/login'))).toMatchObject({ code: 'no-account-for-site' });
    expect((await failure(hikae.codeForPage('http://deno.test/login'))).message).toContain('insecure');
  });
});
