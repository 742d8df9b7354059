import fs from 'node:fs';
import path from 'node:path';

/*
 * What each test-only path (lib/build-flags.ts, the one switch) leaves in a built
 * extension. A test build must carry each of them (tests/e2e/build-output.e2e.ts,
 * so the list stays true as code and minifier change); a production build must
 * carry none (tests/e2e/testing-kit-production.e2e.ts).
 */

export interface TestHookTrace {
  hook: string;
  trace: RegExp;
  /** False for the switch's own name, which a test build replaces by `true`. */
  inTestBuild: boolean;
}

export const TEST_HOOK_TRACES: readonly TestHookTrace[] = [
  { hook: 'the testing kit clock request', trace: /test\.clock\.set/, inTestBuild: true },
  { hook: 'the testing kit clock storage key', trace: /test-clock-offset/, inTestBuild: true },
  { hook: 'the log of images scanning refused (storage key)', trace: /test-scan-refusals/, inTestBuild: true },
  { hook: 'the fill shortcut / menu stand-in message', trace: /hikae\.test-gesture/, inTestBuild: true },
  { hook: 'popup.html?tab=<id> (the tab named in the URL)', trace: /\.get\(["'`]tab["'`]\)/, inTestBuild: true },
  { hook: 'the switch itself', trace: /__TEST_HOOKS__/, inTestBuild: false },
];

/** The built files of `dir` that code can run from (scripts, pages, the manifest), as text, by path. */
export function builtTexts(dir: string): Map<string, string> {
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(js|html|json)$/.test(f));
  return new Map(files.map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

/** `file: hook` for every trace found in the build at `dir`. */
export function testHookTracesIn(dir: string): string[] {
  const texts = builtTexts(dir);
  return [...texts].flatMap(([file, text]) => TEST_HOOK_TRACES.filter(({ trace }) => trace.test(text)).map(({ hook }) => `${file}: ${hook}`));
}
