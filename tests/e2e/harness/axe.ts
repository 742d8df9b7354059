import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

/*
 * axe-core (pinned in package.json) run inside a page of the built extension: its
 * source is evaluated in the page itself — nothing is fetched — and the default rule
 * set (WCAG 2.x A/AA and best practices) checks what is on screen at that moment.
 */

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One rule broken on one page state, readable in a test failure. */
export interface AxeViolation {
  rule: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** The axe-core violations of the page as it is now (an empty list when clean). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // axe yields between rules with timers, which Firefox throttles to 1 s in a background tab.
  await page.bringToFront();
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }[] };
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
    }));
  });
}
