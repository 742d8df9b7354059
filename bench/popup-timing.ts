import type { Page } from 'puppeteer-core';
import { launchWithExtension, type ExtensionBrowser } from '../tools/browser/launch';
import { median } from './stats';

const PASSWORD = 'benchmark password';

/** Sends protocol requests from an extension page, as the UI does. */
async function send(page: Page, type: string, payload: unknown): Promise<{ ok: boolean; error?: unknown }> {
  return page.evaluate(
    (t, p) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: unknown }> } } }).chrome.runtime.sendMessage({
        type: t,
        payload: p,
      }),
    type,
    payload as never,
  );
}

function secretFor(i: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let s = '';
  let n = i * 7919 + 104729;
  for (let k = 0; k < 32; k++) {
    s += alphabet[(n + k * 13) % 32];
    n = Math.floor(n / 3) + k;
  }
  return s;
}

/** Adds accounts until the vault holds `count`. */
async function fillTo(page: Page, from: number, count: number): Promise<void> {
  for (let i = from; i < count; i++) {
    const result = await send(page, 'accounts.add', {
      uri: `otpauth://totp/Service%20${i}:user${i}%40example.com?secret=${secretFor(i)}&issuer=Service%20${i}`,
    });
    if (!result.ok) throw new Error(`seeding account ${i}: ${JSON.stringify(result.error)}`);
  }
}

async function openPopupOnce(ext: ExtensionBrowser): Promise<{ first: number; all: number }> {
  const page = await ext.browser.newPage();
  await page.goto(`${ext.origin}popup.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('all-codes').length > 0, { timeout: 30_000 });
  const marks = await page.evaluate(() => ({
    first: performance.getEntriesByName('first-code')[0]!.startTime,
    all: performance.getEntriesByName('all-codes')[0]!.startTime,
  }));
  await page.close();
  return marks;
}

export interface PopupFigures {
  accounts: number;
  firstCodeMs: number;
  allCodesMs: number;
}

/**
 * Popup open → first code and → all codes (performance marks relative to the
 * navigation start), median of `runs`, for each account count; and unlock time.
 */
export async function measurePopup(counts: number[], runs: number): Promise<{ popup: PopupFigures[]; unlockMs: number }> {
  const ext = await launchWithExtension('chromium');
  try {
    const page = await ext.browser.newPage();
    await page.goto(`${ext.origin}options.html`, { waitUntil: 'load' });
    const created = await send(page, 'vault.create', { password: PASSWORD });
    if (!created.ok) throw new Error(JSON.stringify(created.error));

    const popup: PopupFigures[] = [];
    let have = 0;
    for (const count of counts) {
      await fillTo(page, have, count);
      have = count;
      await openPopupOnce(ext); // warm-up: the first open also compiles the bundle
      const samples = [];
      for (let r = 0; r < runs; r++) samples.push(await openPopupOnce(ext));
      popup.push({ accounts: count, firstCodeMs: median(samples.map((s) => s.first)), allCodesMs: median(samples.map((s) => s.all)) });
    }

    const unlocks = [];
    for (let r = 0; r < 5; r++) {
      await send(page, 'vault.lock', {});
      const started = Date.now();
      const result = await send(page, 'vault.unlock', { password: PASSWORD });
      unlocks.push(Date.now() - started);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
    }
    return { popup, unlockMs: median(unlocks) };
  } finally {
    await ext.close();
  }
}
