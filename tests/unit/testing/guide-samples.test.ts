import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Every TypeScript sample in docs/testing-with-puppeteer.md is a #region of the
 * example's test (examples/login-app/login.test.ts), which runs in both browsers
 * (tests/e2e/example-login-app.e2e.ts): the guide shows only code that runs.
 */

const ROOT = path.resolve(import.meta.dirname, '../../..');
const guide = fs.readFileSync(path.join(ROOT, 'docs/testing-with-puppeteer.md'), 'utf8');
const example = fs.readFileSync(path.join(ROOT, 'examples/login-app/login.test.ts'), 'utf8');

/** Removes the indentation every non-empty line shares. */
function dedent(text: string): string {
  const lines = text.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

const samples = [...guide.matchAll(/```ts\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
const regions = new Map([...example.matchAll(/\/\/ #region (\w+)\n([\s\S]*?)\n\s*\/\/ #endregion \1/g)].map((m) => [m[1]!, dedent(m[2]!)] as const));

describe('docs/testing-with-puppeteer.md', () => {
  it('has samples, and the example has regions', () => {
    expect(samples.length).toBeGreaterThanOrEqual(8);
    expect(regions.size).toBeGreaterThanOrEqual(8);
  });

  it.each(samples.map((s) => [s.split('\n')[0]!, s] as const))('sample "%s" is a region of the example', (_first, sample) => {
    expect([...regions.values()]).toContain(sample);
  });
});
