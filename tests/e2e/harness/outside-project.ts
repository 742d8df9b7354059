import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../../tools/browser/config';

/*
 * An outside project using the testing kit as its users would: the package packed
 * with `npm pack` (its `files`, its `exports`, its prepack build), installed in a
 * folder outside the repository, and an example copied there.
 *
 * Installed without the network: the tarball is unpacked into node_modules (what
 * `npm install <tarball>` does for the package itself), and the packages the
 * project needs are linked from this repository's node_modules. `npm install
 * --offline <tarball>` is not used: it also fetches the extension's own runtime
 * dependencies (React, MSAL, …; package.json "dependencies"), which the machine's
 * npm cache does not hold, and the kit does not use.
 */

/** What the kit's bundle and types import, and what the example itself uses. */
const LINKED = ['puppeteer-core', 'tldts', 'zod', 'vitest', 'typescript', 'otpauth', '@types/node'];

export interface OutsideProject {
  dir: string;
  /** The files the tarball holds, relative to its `package/` folder. */
  packedFiles: string[];
  /** Runs a node script of the project (e.g. `node_modules/vitest/vitest.mjs`); output and exit status. */
  run(args: string[], env?: Record<string, string>): { status: number; output: string };
  remove(): void;
}

export function createOutsideProject(example: string): OutsideProject {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hikae-outside-'));
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
    .trim()
    .split('\n')
    .at(-1)!;
  const tarball = path.join(dir, packed);
  const installed = path.join(dir, 'node_modules/hikae-authenticator');
  fs.mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  const packedFiles = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ''));
  for (const name of LINKED) {
    const link = path.join(dir, 'node_modules', name);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules', name), link, 'dir');
  }
  fs.cpSync(path.join(ROOT, example), dir, { recursive: true, filter: (source) => !source.includes('node_modules') });
  return {
    dir,
    packedFiles,
    run(args, env = {}) {
      try {
        const output = execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
        return { status: 0, output };
      } catch (error) {
        const failed = error as { status: number | null; stdout?: string; stderr?: string };
        return { status: failed.status ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
      }
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
