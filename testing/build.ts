import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/*
 * Builds the testing kit for the package export "./testing" (package.json):
 * one ES module for Node (dist/testing/index.js) with the lib/ code it uses
 * bundled in, and TypeScript declarations beside it. Puppeteer and the package's
 * own dependencies stay imports, resolved in the user's project.
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
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
execFileSync('npx', ['tsc', '-p', path.join(ROOT, 'testing/tsconfig.json')], { cwd: ROOT, stdio: 'inherit' });
console.log(`testing kit built in ${path.relative(ROOT, OUT)}`);
