import type { Page } from 'puppeteer-core';
import { launchWithExtension, type ExtensionBrowser } from '../tools/browser/launch';
import { installCodeProbe, readCodeProbe } from './dom-probe';
import type { BaselineExtension } from './baseline-build';
import { writeFloorExtension } from './floor-extension';
import { median } from './stats';

const PASSWORD = 'benchmark password';

/** Sends protocol requests from an extension page, as the UI does. */
export async function send(page: Page, type: string, payload: unknown): Promise<{ ok: boolean; error?: unknown }> {
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

export const issuer = (i: number) => `Service ${i}`;
const accountName = (i: number) => `user${i}@example.com`;

/** The accounts as otpauth:// links, imported in one request (one vault write). */
export async function seedOurs(page: Page, count: number): Promise<void> {
  const links = Array.from({ length: count }, (_, i) =>
    `otpauth://totp/${encodeURIComponent(issuer(i))}:${encodeURIComponent(accountName(i))}?secret=${secretFor(i)}&issuer=${encodeURIComponent(issuer(i))}`);
  const result = await send(page, 'import.apply', { source: { text: links.join('\n') } });
  if (!result.ok) throw new Error(`seeding ${count} accounts: ${JSON.stringify(result.error)}`);
}

/** The same accounts, in clear, where the floor popup reads them. */
async function seedFloor(ext: ExtensionBrowser, origin: string, count: number): Promise<void> {
  const page = await ext.browser.newPage();
  await page.goto(`${origin}popup.html`, { waitUntil: 'load' });
  const accounts = Array.from({ length: count }, (_, i) => ({ issuer: issuer(i), name: accountName(i), secret: secretFor(i) }));
  await page.evaluate((a) => (globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }).chrome.storage.local.set({ accounts: a }), accounts);
  await page.close();
}

/** Opens a popup page in a fresh tab and times its codes with the DOM probe. */
async function openOnce(ext: ExtensionBrowser, url: string, expected: number): Promise<{ firstMs: number; allMs: number }> {
  const page = await ext.browser.newPage();
  await installCodeProbe(page, expected);
  await page.goto(url, { waitUntil: 'load' });
  const figures = await readCodeProbe(page);
  await page.close();
  return figures;
}

export interface PopupFigures {
  accounts: number;
  firstCodeMs: number;
  allCodesMs: number;
  floorFirstMs: number;
  floorAllMs: number;
  /** With a baseline build (`BENCH_BASELINE`): its medians, from the same opens' rounds. */
  baseline?: { firstCodeMs: number; allCodesMs: number };
  /** Each open's figure over the floor open right after it: the lowest and highest ratio (how much a single open varies). */
  firstRatioRange: [number, number];
  allRatioRange: [number, number];
}

const range = (values: number[]): [number, number] => [Math.min(...values), Math.max(...values)];

/** A fresh vault with `count` accounts in an extension of this project (ours, or a baseline build). */
async function seedVault(ext: ExtensionBrowser, origin: string, count: number): Promise<void> {
  const page = await ext.browser.newPage();
  // The options page: any extension page can send; this one starts nothing of its own on the vault.
  await page.goto(`${origin}options.html`, { waitUntil: 'load' });
  const created = await send(page, 'vault.create', { password: PASSWORD });
  if (!created.ok) throw new Error(`${origin}: ${JSON.stringify(created.error)}`);
  await seedOurs(page, count);
  await page.close();
}

/**
 * Popup open → first code and → all codes, measured from outside by the DOM
 * probe for this extension, the baseline build if any, and the floor popup,
 * opened in turn (median of `runs` each after one warm-up open of each). Each
 * account count gets a fresh browser profile holding every extension with the
 * same accounts.
 */
async function measureCount(count: number, runs: number, floorOrigin: string, floorDir: string, baseline?: BaselineExtension): Promise<PopupFigures> {
  const ext = await launchWithExtension('chromium', { extraExtensions: [floorDir, ...(baseline ? [baseline.dir] : [])] });
  try {
    await seedVault(ext, ext.origin, count);
    if (baseline) await seedVault(ext, baseline.origin, count);
    await seedFloor(ext, floorOrigin, count);
    const ours = `${ext.origin}popup.html`;
    const floorPopup = `${floorOrigin}popup.html`;
    const before = baseline && `${baseline.origin}popup.html`;
    // Warm-up: the first open of each also compiles its bundle.
    await openOnce(ext, ours, count);
    if (before) await openOnce(ext, before, count);
    await openOnce(ext, floorPopup, count);
    const mine: { firstMs: number; allMs: number }[] = [];
    const old: { firstMs: number; allMs: number }[] = [];
    const base: { firstMs: number; allMs: number }[] = [];
    for (let r = 0; r < runs; r++) {
      mine.push(await openOnce(ext, ours, count));
      if (before) old.push(await openOnce(ext, before, count));
      base.push(await openOnce(ext, floorPopup, count));
    }
    return {
      accounts: count,
      firstCodeMs: median(mine.map((s) => s.firstMs)),
      allCodesMs: median(mine.map((s) => s.allMs)),
      floorFirstMs: median(base.map((s) => s.firstMs)),
      floorAllMs: median(base.map((s) => s.allMs)),
      ...(before ? { baseline: { firstCodeMs: median(old.map((s) => s.firstMs)), allCodesMs: median(old.map((s) => s.allMs)) } } : {}),
      firstRatioRange: range(mine.map((s, r) => s.firstMs / base[r]!.firstMs)),
      allRatioRange: range(mine.map((s, r) => s.allMs / base[r]!.allMs)),
    };
  } finally {
    await ext.close();
  }
}

/** Unlock time: the message round trip of `vault.unlock` (Argon2id), median of 5. */
async function measureUnlock(): Promise<number> {
  const ext = await launchWithExtension('chromium');
  try {
    const page = await ext.browser.newPage();
    await page.goto(`${ext.origin}options.html`, { waitUntil: 'load' });
    const created = await send(page, 'vault.create', { password: PASSWORD });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const unlocks = [];
    for (let r = 0; r < 5; r++) {
      await send(page, 'vault.lock', {});
      const started = Date.now();
      const result = await send(page, 'vault.unlock', { password: PASSWORD });
      unlocks.push(Date.now() - started);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
    }
    return median(unlocks);
  } finally {
    await ext.close();
  }
}

/** The popup figures for each account count, and the unlock time. */
export async function measurePopup(counts: number[], runs: number, baseline?: BaselineExtension): Promise<{ popup: PopupFigures[]; unlockMs: number }> {
  const floor = writeFloorExtension();
  const popup: PopupFigures[] = [];
  for (const count of counts) popup.push(await measureCount(count, runs, floor.origin, floor.dir, baseline));
  return { popup, unlockMs: await measureUnlock() };
}
