import type { Page } from 'puppeteer-core';
import { launchWithExtension } from '../tools/browser/launch';
import { startEnrollmentServers } from '../tests/e2e/pages/enrollment-server';
import { chromiumOpenToolbarPopup, createVault, openSitePage } from '../tests/e2e/pages/scan-driver';
import type { ScanStats } from '../lib/scan/scan-view';
import { median } from './stats';

/*
 * "Scan this page" timings in Chromium on the local enrollment pages
 * (tests/e2e/pages): the real popup (toolbar button → activeTab) sends scan.tab,
 * as its button does; the background reports where the time went. The page's own
 * frame counter (decoy page) shows whether it kept painting.
 */

export interface ScanTiming {
  page: string;
  /** First scan after the page opened (the service worker and the script warm up). */
  firstMs: number;
  /** Median of the following scans: popup → answer round trip. */
  medianMs: number;
  /** Medians of the background's own figures over the following scans. */
  collectMs: number;
  decodeMs: number;
  codes: number;
  /** Decoy page only: frames per second and the longest gap while scanning. */
  framesPerSecond?: number;
  longestFrameGapMs?: number;
}

type FrameStats = { frames: number; maxGapMs: number };

async function scanOnce(popup: Page): Promise<{ ms: number; stats: ScanStats; codes: number }> {
  return popup.evaluate(async () => {
    type Api = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> }; runtime: { sendMessage(m: unknown): Promise<unknown> } };
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    const tabs = await api.tabs.query({ active: true });
    const target = tabs.find((t) => !t.url?.startsWith('chrome-extension:'));
    const started = performance.now();
    const answer = (await api.runtime.sendMessage({ type: 'scan.tab', payload: { tabId: target?.id } })) as {
      ok: boolean;
      value?: { stats: ScanStats; accounts: unknown[] };
      error?: unknown;
    };
    if (!answer.ok || !answer.value) throw new Error(`scan.tab failed: ${JSON.stringify(answer.error)}`);
    return { ms: performance.now() - started, stats: answer.value.stats, codes: answer.value.accounts.length };
  });
}

/** Scans each page `runs` + 1 times from the real popup. */
export async function measureScans(runs: number): Promise<ScanTiming[]> {
  const servers = await startEnrollmentServers();
  const ext = await launchWithExtension('chromium');
  const results: ScanTiming[] = [];
  try {
    await createVault(ext, 'benchmark password');
    for (const [label, path] of [
      ['typical enrollment page (1 code)', '/enroll.html'],
      ['every form (13 codes, screenshot)', '/all-forms.html'],
      ['100 decoy images, no code', '/decoys.html'],
    ] as const) {
      const page = await openSitePage(ext, `${servers.site}${path}`);
      const popup = await chromiumOpenToolbarPopup(ext, page);
      const first = await scanOnce(popup);
      const rest: Awaited<ReturnType<typeof scanOnce>>[] = [];
      const frames: { fps: number; gap: number }[] = [];
      for (let i = 0; i < runs; i++) {
        // Chrome allows two screenshots a second: keep the runs apart.
        await new Promise((r) => setTimeout(r, 600));
        await page.evaluate(() => (window as unknown as { resetFrameStats?: () => void }).resetFrameStats?.());
        const run = await scanOnce(popup);
        rest.push(run);
        const stats = await page.evaluate(() => (window as unknown as { frameStats?: FrameStats }).frameStats ?? null);
        if (stats) frames.push({ fps: (stats.frames * 1000) / run.ms, gap: stats.maxGapMs });
      }
      results.push({
        page: label,
        firstMs: first.ms,
        medianMs: median(rest.map((r) => r.ms)),
        collectMs: median(rest.map((r) => r.stats.collectMs)),
        decodeMs: median(rest.map((r) => r.stats.decodeMs)),
        codes: first.codes,
        ...(frames.length > 0 ? { framesPerSecond: median(frames.map((f) => f.fps)), longestFrameGapMs: Math.max(...frames.map((f) => f.gap)) } : {}),
      });
      await popup.close();
      await page.close();
    }
  } finally {
    await ext.close();
    await servers.close();
  }
  return results;
}
