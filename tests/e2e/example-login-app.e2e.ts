import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_PATHS, BROWSERS, BUILD_DIRS } from '../../tools/browser/config';
import { createOutsideProject, type OutsideProject } from './harness/outside-project';

/*
 * The testing kit as an outside project uses it (issue #11 "Prove it"): the
 * package packed with `npm pack` and installed with `npm install <tarball>` (offline:
 * it declares no dependencies) in a folder outside the repository,
 * with the example app and its login-with-2FA test (examples/login-app) copied
 * there. The example imports only `hikae-authenticator/testing`; it typechecks
 * against the packed declarations and its test passes in each browser, run by the
 * project's own vitest.
 */

/** What vitest's JSON reporter says, in the part read here. */
interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTests: number;
  testResults: { message?: string; assertionResults: { title: string; failureMessages?: string[] }[] }[];
}

/** The example's tests, per browser (examples/login-app/login.test.ts). */
const EXAMPLE_TESTS = 5;

describe('the testing kit in an outside project', () => {
  let project: OutsideProject;

  beforeAll(() => {
    project = createOutsideProject('examples/login-app');
  });
  afterAll(() => {
    project?.remove();
  });

  it('packs the kit, its declarations and the guide, and no source', () => {
    expect(project.packedFiles).toEqual(expect.arrayContaining(['package.json', 'dist/testing/index.js', 'dist/testing/types/testing/index.d.ts', 'docs/testing-with-puppeteer.md']));
    expect(project.packedFiles.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('declares no dependencies and no install script: installing it runs nothing and fetches nothing', () => {
    const manifest = project.packedManifest;
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.peerDependencies).toEqual({ 'puppeteer-core': expect.any(String) });
    for (const script of ['preinstall', 'install', 'postinstall']) expect(manifest.scripts).not.toHaveProperty(script);
    expect(manifest.engines).toEqual({ node: '>=22' });
    expect(project.installOutput).toMatch(/added 1 package/);
  });

  it('typechecks against the packed declarations; deep imports are refused', () => {
    const tsc = project.run(['node_modules/typescript/bin/tsc', '-p', '.']);
    expect(tsc.output).toBe('');
    expect(tsc.status).toBe(0);
    const deep = project.run(['--input-type=module', '-e', "await import('hikae-authenticator/dist/testing/index.js')"]);
    expect(deep.status).not.toBe(0);
    expect(deep.output).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');
    const exported = project.run(['--input-type=module', '-e', "const kit = await import('hikae-authenticator/testing'); console.log(Object.keys(kit).sort().join(','))"]);
    expect(exported.output.trim()).toBe('EXTENSION_ORIGINS,HikaeExtension,HikaeKitError,attach,launch,launchExtension');
  });

  it.each(BROWSERS)('runs the example login-with-2FA test in %s', (kind) => {
    const report = path.join(project.dir, `report-${kind}.json`);
    const run = project.run(['node_modules/vitest/vitest.mjs', 'run', '--reporter=json', `--outputFile=${report}`], {
      E2E_BROWSERS: kind,
      CHROME_PATH: BROWSER_PATHS.chromium,
      FIREFOX_PATH: BROWSER_PATHS.firefox,
      HIKAE_CHROMIUM: BUILD_DIRS.chromium,
      HIKAE_FIREFOX: BUILD_DIRS.firefox,
    });
    const results = JSON.parse(fs.readFileSync(report, 'utf8')) as VitestReport;
    const failures = results.testResults.flatMap((file) => [file.message ?? '', ...file.assertionResults.flatMap((test) => (test.failureMessages ?? []).map((m) => `${test.title}: ${m}`))]);
    expect({ status: run.status, ...results }, `${run.output}\n${failures.join('\n')}`).toMatchObject({ status: 0, numPassedTests: EXAMPLE_TESTS, numFailedTests: 0, numTotalTests: EXAMPLE_TESTS });
  });
});
