import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageBundleFiles } from '../../bench/bundle-sizes';
import { BROWSERS, BUILD_DIRS } from '../../tools/browser/config';
import { chunkModulesFile, type ChunkModules } from '../../tools/build/chunk-modules';
import { builtTexts, TEST_HOOK_TRACES } from './harness/test-hooks';

/*
 * The built extension as shipped (`npm run build:test`): ZXing's WebAssembly is
 * packaged and nothing in the output names a host it could be fetched from
 * (zxing-wasm defaults to a CDN); the CSP is the one 'wasm-unsafe-eval'; the
 * popup's start path stays within its budget and carries no MSAL, import, fill or
 * QR code (nor React, loaded after the codes).
 */

/**
 * Hosts the built code may name, and why. Anything else fails: a new URL in the
 * output is a decision to be written down here, not an accident.
 */
const ALLOWED_HOSTS: Record<string, string> = {
  'www.w3.org': 'XML namespaces (SVG, XHTML), never fetched',
  'json-schema.org': "zod's JSON Schema output, never fetched",
  'react.dev': "React's error-message links, never fetched",
  'wxt.dev': "WXT's error-message links, never fetched",
  'github.com': "MSAL's error-message links, never fetched",
  'aka.ms': "MSAL's error-message links, never fetched",
  'localhost:8443': 'the Microsoft cloud emulator (test builds)',
  'login.microsoftonline.com': 'sign-in (MSAL, known authority)',
  'login.microsoftonline.us': 'MSAL known authority list, not used',
  'login.microsoftonline.de': 'MSAL known authority list, not used',
  'login.chinacloudapi.cn': 'MSAL known authority list, not used',
  'login.example.com': 'an example address in the site-match help text (messages.json), never fetched',
  '169.254.169.254': "MSAL's managed-identity endpoint constant, unused in a browser",
};

/** The popup's start path: what its HTML loads before any dynamic import (issue #15: ≤ 200 kB; hard limit 250 kB). */
const START_PATH_BUDGET_BYTES = 200_000;

/**
 * Source modules that must stay off the popup's start path (GUIDE, docs/popup-start-path.md),
 * by their project-relative paths in the build's module map (tools/build/chunk-modules.ts).
 */
const OFF_START_PATH: Record<string, RegExp> = {
  'MSAL (sign-in)': /^node_modules\/@azure\/msal-/,
  import: /^lib\/import\/|^node_modules\/(papaparse|sql\.js|protobufjs|fast-xml-parser|@zip\.js)\//,
  // The site section (site-section.ts) is on it: it sends fill requests; the engine stays in the background.
  fill: /^lib\/autofill\/|^entrypoints\/fill-page/,
  'QR codes': /^lib\/(qr|scan)\/|^node_modules\/(jsqr|zxing-wasm|qrcode)\/|^entrypoints\/popup\/scan-panel/,
  'React (loaded after the codes)': /^node_modules\/(react|react-dom|scheduler)\//,
  'webextension-polyfill (the native API suffices)': /^node_modules\/webextension-polyfill\//,
};

function filesUnder(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => ext.test(f)).map((f) => path.join(dir, f));
}

describe.each(BROWSERS)('the built extension (%s)', (browser) => {
  const dir = BUILD_DIRS[browser];

  it('packages ZXing\'s WebAssembly byte for byte as the pinned zxing-wasm ships it', () => {
    const shipped = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    expect(fs.readFileSync(path.join(dir, 'zxing_reader.wasm')).equals(fs.readFileSync(shipped))).toBe(true);
  });

  it('names no remote host outside the written list (no CDN for the WebAssembly)', () => {
    const hosts = new Set<string>();
    for (const file of filesUnder(dir, /\.(js|html|json)$/)) {
      const text = fs.readFileSync(file, 'utf8');
      // Literal hosts only: template pieces like https://${host} are built from the code's own data.
      for (const m of text.matchAll(/https?:\/\/([a-z0-9.-]+(?::\d+)?)(?=[/"'`\s)]|$)/gi)) if (m[1]) hosts.add(m[1].toLowerCase());
    }
    const unexpected = [...hosts].filter((h) => !(h in ALLOWED_HOSTS));
    expect(unexpected).toEqual([]);
    const all = filesUnder(dir, /\.js$/).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    expect(all).not.toMatch(/jsdelivr|unpkg|cdnjs/i);
  });

  it('allows WebAssembly with the one CSP source it needs, nothing else loosened', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { content_security_policy: { extension_pages: string } };
    expect(manifest.content_security_policy.extension_pages).toBe("script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
  });

  it('asks for no permission that docs/store.md does not justify', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { permissions: string[]; optional_host_permissions?: string[]; key?: string };
    const justified = fs.readFileSync(path.join(import.meta.dirname, '../../docs/store.md'), 'utf8');
    const asked = [...manifest.permissions, ...(manifest.optional_host_permissions ?? [])];
    expect(asked.filter((permission) => !justified.includes(`| \`${permission}\``) && !justified.includes(`| optional \`${permission}\``))).toEqual([]);
    expect(asked.length).toBeGreaterThan(5);
  });

  // The production build must hold none of these (testing-kit-production.e2e.ts): that check means
  // something only while each trace is what the test build really contains.
  it('carries every test hook listed in harness/test-hooks.ts, behind the one switch (lib/build-flags.ts)', () => {
    const all = [...builtTexts(dir).values()].join('\n');
    const expected = TEST_HOOK_TRACES.map(({ hook, inTestBuild }) => ({ hook, present: inTestBuild }));
    expect(TEST_HOOK_TRACES.map(({ hook, trace }) => ({ hook, present: trace.test(all) }))).toEqual(expected);
  });

  it('keeps the popup\'s start path within its budget, with no MSAL, import, fill, QR, React or polyfill module on it', () => {
    const files = [...pageBundleFiles(dir, 'popup.html')];
    const bytes = files.reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
    expect(bytes).toBeLessThanOrEqual(START_PATH_BUDGET_BYTES);
    const map = JSON.parse(fs.readFileSync(chunkModulesFile(dir), 'utf8')) as ChunkModules;
    const scripts = files.filter((f) => f.endsWith('.js'));
    expect(scripts.filter((f) => !(f in map))).toEqual([]);
    const modules = scripts.flatMap((f) => map[f]!);
    expect(modules).toContain('entrypoints/popup/main.ts');
    const offending = modules.flatMap((m) => Object.entries(OFF_START_PATH).filter(([, pattern]) => pattern.test(m)).map(([what]) => `${what}: ${m}`));
    expect(offending).toEqual([]);
    // The same for QR decoding by its own words, should a module map ever be wrong.
    const code = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
    expect(code).not.toContain('zxing_reader');
    expect(code).not.toContain('readBarcodesFromPixmap');
    expect(code).not.toContain('dontInvert');
  });
});

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}

describe('web-ext lint (Firefox build)', () => {
  it('has no errors, warnings or notices (store review reads them), and no Function constructor anywhere in the output', () => {
    const dir = BUILD_DIRS.firefox;
    // web-ext exits non-zero only for errors; the JSON is read either way.
    let out: string;
    try {
      out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch (error) {
      out = String((error as { stdout?: string }).stdout ?? '');
    }
    const report = JSON.parse(out) as { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
    // Library code that drew warnings is removed at build time, each with its reason (tools/build/library-patches.ts).
    expect([...report.errors, ...report.warnings, ...report.notices].map((m) => `${m.code} ${m.file ?? ''}`)).toEqual([]);
    for (const file of filesUnder(dir, /\.js$/)) expect(fs.readFileSync(file, 'utf8'), file).not.toMatch(/\bnew Function\(|[^.\w]Function\(`|innerHTML\s*=\s*[a-z]/);
    // Small, as injected into every page while automatic detection is on: no zod in them.
    for (const file of ['scan-page.js', 'scan-watch.js']) {
      expect(fs.statSync(path.join(dir, file)).size).toBeLessThan(40_000);
      expect(fs.readFileSync(path.join(dir, file), 'utf8')).not.toMatch(/new Function|Function\(""\)/);
    }
  });
});
