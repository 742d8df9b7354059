import { Secret, TOTP } from 'otpauth';
import puppeteer from 'puppeteer-core';
import { launch } from '../testing';
import { BROWSER_PATHS, BUILD_DIRS, type BrowserKind } from '../tools/browser/config';
import { median } from './stats';

/*
 * The testing kit's own speed (docs/testing-with-puppeteer.md "Figures"): what a
 * test pays to start a browser with the extension, to get its first code, to
 * provision 100 accounts in one call, and per code() afterwards. Measured, never
 * asserted.
 */

export interface KitTiming {
  kind: BrowserKind;
  launchMs: number;
  /** launch → provision(1 link) → code(): a test's first code. */
  firstCodeMs: number;
  provision100Ms: number;
  codeMs: number;
}

const PASSWORD = 'correct horse battery staple';
/** A TOTP link with a new random secret (the extension refuses a secret it already holds). */
const link = (i: number) => new TOTP({ issuer: `Bench${i}`, label: `user${i}@example.com`, secret: new Secret({ size: 20 }) }).toString();

export async function measureKit(kind: BrowserKind, runs: number): Promise<KitTiming> {
  const launches: number[] = [];
  const firsts: number[] = [];
  const provisions: number[] = [];
  const codes: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const hikae = await launch({ browser: kind, executablePath: BROWSER_PATHS[kind], extensionPath: BUILD_DIRS[kind], puppeteer });
    try {
      launches.push(performance.now() - start);
      await hikae.provision({ password: PASSWORD, links: [link(1000)] });
      await hikae.code('Bench1000');
      firsts.push(performance.now() - start);
      const before = performance.now();
      await hikae.provision({ password: PASSWORD, links: Array.from({ length: 100 }, (_, i) => link(i)) });
      provisions.push(performance.now() - before);
      for (let i = 0; i < 5; i++) {
        const at = performance.now();
        await hikae.code(`Bench${i * 17}`);
        codes.push(performance.now() - at);
      }
    } finally {
      await hikae.close();
    }
  }
  return { kind, launchMs: median(launches), firstCodeMs: median(firsts), provision100Ms: median(provisions), codeMs: median(codes) };
}
