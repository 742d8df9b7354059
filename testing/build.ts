import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/*
 * Builds the testing kit for the package export "./testing" (package.json):
 * one ES module for Node (dist/testing/index.js) with everything it uses bundled
 * in — the lib/ code and its libraries (tldts for site matching) — and TypeScript
 * declarations beside it. Only Puppeteer stays an import, resolved in the user's
 * project (the peer dependency): the package needs nothing else at run time, so
 * it declares no dependencies and installing it fetches nothing
 * (docs/testing-with-puppeteer.md "Install").
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'dist/testing');

fs.rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: [path.join(ROOT, 'testing/index.ts')],
  outfile: path.join(OUT, 'index.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  external: ['puppeteer-core'],
  sourcemap: true,
  logLevel: 'warning',
});
execFileSync('npx', ['tsc', '-p', path.join(ROOT, 'testing/tsconfig.json')], { cwd: ROOT, stdio: 'inherit' });
console.log(`testing kit built in ${path.relative(ROOT, OUT)}`);
