import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../tools/browser/config';
import { pageBundleBytes } from './bundle-sizes';
import { freshExtensionKey } from './extension-key';

/*
 * `BENCH_BASELINE=<git rev>`: an earlier commit of this project, built by the bench
 * so its popup is measured in the same run, interleaved with the current build and
 * the floor (issue #15 "Prove it": before and after from one run, as ratios to the
 * floor). The rev is checked out in a temporary git worktree outside the repository,
 * gets its own `npm ci` (its own dependencies, not ours) and its own test build;
 * the Chromium output is copied out with a fresh manifest key, so it loads beside
 * ours, and the worktree is removed.
 */

export interface BaselineExtension {
  /** The commit measured (full hash) and its subject line, for the printed table. */
  commit: string;
  subject: string;
  dir: string;
  origin: string;
  /** Its popup's start path, as `bench/bundle-sizes.ts` counts ours. */
  popupStartPathBytes: number;
}

const git = (...args: string[]) => execFileSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' }).trim();

export function buildBaseline(rev: string): BaselineExtension {
  const commit = git('rev-parse', '--verify', `${rev}^{commit}`);
  const subject = git('log', '-1', '--format=%s', commit);
  const worktree = fs.mkdtempSync(path.join(os.tmpdir(), `hikae-baseline-${commit.slice(0, 8)}-`));
  git('worktree', 'add', '--detach', '--force', worktree, commit);
  try {
    const run = (command: string, args: string[]) =>
      execFileSync(command, args, { cwd: worktree, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: command === 'npm' ? 'development' : 'production' } });
    console.log(`Baseline ${commit.slice(0, 10)} (${subject.slice(0, 60)}…): npm ci, test build`);
    run('npm', ['ci', '--no-audit', '--no-fund']);
    // Chromium only (the bench measures there); a test build, as ours: `npm run build:test`'s first half.
    run('npx', ['wxt', 'build', '--mode', 'test']);
    const built = ['chrome-mv3-test', 'chrome-mv3'].map((d) => path.join(worktree, '.output', d)).find((d) => fs.existsSync(d));
    if (!built) throw new Error(`The baseline ${commit} built no Chromium output in ${worktree}/.output.`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hikae-baseline-build-'));
    fs.cpSync(built, dir, { recursive: true });
    const { key, origin } = freshExtensionKey();
    const manifestFile = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { commands?: Record<string, { suggested_key?: unknown }> };
    // Its shortcuts would collide with ours: the commands stay (without them its background
    // finds no `commands` API and stops at start), their suggested keys go. The bench presses none.
    for (const command of Object.values(manifest.commands ?? {})) delete command.suggested_key;
    fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, key, name: `Baseline ${commit.slice(0, 7)} (bench)` }));
    return { commit, subject, dir, origin, popupStartPathBytes: pageBundleBytes(dir, 'popup.html') };
  } finally {
    git('worktree', 'remove', '--force', worktree);
  }
}
