import { execFileSync } from 'node:child_process';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HikaeKitError, launch, type HikaeExtension } from '../../testing';
import { BROWSER_PATHS, BROWSERS, ROOT } from '../../tools/browser/config';
import { referenceTotp } from './harness/reference-otp';
import { builtTexts, testHookTracesIn } from './harness/test-hooks';

/*
 * The testing kit against the PRODUCTION build (`wxt build`, built here): it has
 * no test clock — no trace of it in the built files, and the request is refused
 * as unknown — while everything else the kit does works, through the same
 * protocol the extension's pages use.
 */

const PRODUCTION_DIRS = { chromium: path.join(ROOT, '.output/chrome-mv3'), firefox: path.join(ROOT, '.output/firefox-mv3') } as const;
const SECRET = 'JBSWY3DPEHPK3PXP';

describe.each(BROWSERS)('testing kit against the production build (%s)', (kind) => {
  let hikae: HikaeExtension;

  beforeAll(async () => {
    execFileSync('npx', ['wxt', 'build', ...(kind === 'firefox' ? ['-b', 'firefox'] : [])], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
    hikae = await launch({ browser: kind, executablePath: BROWSER_PATHS[kind], extensionPath: PRODUCTION_DIRS[kind], puppeteer });
  });
  afterAll(async () => {
    await hikae?.close();
  });

  it('contains no test hook in any built file: no test clock, no fill gesture stand-in, no tab named in the popup URL', () => {
    expect(builtTexts(PRODUCTION_DIRS[kind]).size).toBeGreaterThan(5);
    expect(testHookTracesIn(PRODUCTION_DIRS[kind])).toEqual([]);
  });

  it('refuses time control; provisioning and codes work', async () => {
    await hikae.provision({ password: 'correct horse battery staple', links: [`otpauth://totp/Example:qa@example.com?secret=${SECRET}&issuer=Example`] });
    const error = await hikae.setClock(Date.UTC(2030, 0, 1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HikaeKitError);
    expect((error as HikaeKitError).code).toBe('time-control-unavailable');
    const code = await hikae.code('Example');
    expect(code.code).toBe(referenceTotp(SECRET, code.validFromMs));
    // The real clock: the code is for now, not for 2030.
    expect(Math.abs(code.validFromMs - Date.now())).toBeLessThan(60_000);
  });
});
