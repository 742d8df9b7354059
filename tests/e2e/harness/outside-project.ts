import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../../tools/browser/config';

/*
 * An outside project using the testing kit as its users would: the package packed
 * with `npm pack` (its `files`, its `exports`, its prepack build), installed in a
 * folder outside the repository with `npm install <tarball>` — offline, which
 * works because the package declares no dependencies (the kit's bundle carries
 * what it uses; Puppeteer is an optional peer) — and an example copied there.
 * The tools the example itself uses (Puppeteer, vitest, TypeScript, …) are linked
 * from this repository's node_modules: the machine has no network for them.
 */

/** What the example itself uses (the kit needs only Puppeteer, its peer). */
const LINKED = ['puppeteer-core', 'vitest', 'typescript', 'otpauth', '@types/node'];

export interface OutsideProject {
  dir: string;
  /** The files the tarball holds, relative to its `package/` folder. */
  packedFiles: string[];
  /** The package.json the tarball holds. */
  packedManifest: Record<string, unknown>;
  /** What `npm install <tarball>` printed. */
  installOutput: string;
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
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'outside-project', private: true }));
  const installOutput = execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-save', tarball], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const packedManifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
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
    packedManifest,
    installOutput,
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
