import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from '../../tools/browser/config';
import { launchWithExtension, type ExtensionBrowser } from '../../tools/browser/launch';
import { createVault } from './pages/scan-driver';
import { referenceTotp } from './harness/reference-otp';
import { waitFor } from './harness/ui';
import { sendFromPage as send } from './harness/messages';

/*
 * The popup with 1000 accounts (#15): search finds the last one, the keyboard
 * reaches the last row, and every code shown while scrolling after a period
 * rolls over is the right one — each checked against an independent TOTP at the
 * period the row says it shows, never against the wall clock.
 */

const PASSWORD = 'correct horse battery staple';
const COUNT = 1000;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A distinct 32-character secret per account. */
function secretFor(i: number): string {
  let s = '';
  for (let k = 0, n = i * 7919 + 104729; k < 32; k++, n = Math.floor(n / 3) + k) s += ALPHABET[(n + k * 13) % 32];
  return s;
}
const issuer = (i: number) => `Service ${String(i).padStart(4, '0')}`;

interface ShownRow { issuer: string; code: string; validUntil: number }

/** The rows of the list inside its visible area that show a code. */
const visibleCodes = (popup: Page) =>
  popup.evaluate(() => {
    const list = document.querySelector('.code-list ul')!.getBoundingClientRect();
    const rows: ShownRow[] = [];
    for (const row of document.querySelectorAll('li.code-row')) {
      const box = row.getBoundingClientRect();
      if (box.bottom <= list.top || box.top >= list.bottom) continue;
      const code = row.querySelector('[data-testid="code"]')?.getAttribute('data-code');
      const until = row.querySelector('[data-testid="code"]')?.getAttribute('data-valid-until');
      if (code && until) rows.push({ issuer: row.querySelector('.issuer')!.textContent, code, validUntil: Number(until) });
    }
    return rows;
  });

/** Polls until the visible rows all show codes of a period after `rollover`; those rows. */
async function newCodesShown(popup: Page, rollover: number): Promise<ShownRow[]> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const shown = await visibleCodes(popup);
    if (shown.length >= 5 && shown.every((r) => r.validUntil > rollover)) return shown;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The rows scrolled to did not show codes of the new period.');
}

const indexOf = (shownIssuer: string) => Number(shownIssuer.replace('Service ', ''));

describe.each(BROWSERS)('popup with %i accounts in %s', (kind) => {
  let ext: ExtensionBrowser;
  let popup: Page;

  beforeAll(async () => {
    ext = await launchWithExtension(kind);
    await createVault(ext, PASSWORD);
    const options = await ext.open('options.html');
    const links = Array.from({ length: COUNT }, (_, i) => `otpauth://totp/${encodeURIComponent(issuer(i))}:user${i}?secret=${secretFor(i)}&issuer=${encodeURIComponent(issuer(i))}`);
    expect(await send(options, 'import.apply', { source: { text: links.join('\n') } })).toMatchObject({ ok: true, value: { added: COUNT } });
    await options.close();
    popup = await ext.open('popup.html');
    await waitFor(popup, () => document.querySelectorAll('li.code-row').length === 1000, { what: 'every row', timeout: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await ext?.close();
  });

  it('search finds the last account by its name', async () => {
    await popup.focus('input.search');
    await popup.keyboard.type(issuer(COUNT - 1));
    await waitFor(popup, () => document.querySelectorAll('li.code-row').length === 1, { what: 'one match' });
    expect(await popup.$eval('li.code-row .issuer', (e) => e.textContent)).toBe(issuer(COUNT - 1));
    const shown = await popup.$eval('li.code-row [data-testid="code"]', (e) => e.getAttribute('data-code'));
    const until = Number(await popup.$eval('li.code-row [data-testid="code"]', (e) => e.getAttribute('data-valid-until')));
    expect(shown).toBe(referenceTotp(secretFor(COUNT - 1), until - 30_000));
    await popup.$eval('input.search', (e) => e.blur());
    await popup.click('input.search', { count: 3 });
    await popup.keyboard.press('Backspace');
    await waitFor(popup, () => document.querySelectorAll('li.code-row').length === 1000, { what: 'every row again' });
  });

  it('the keyboard reaches the last row (End), and the row before it (ArrowUp)', async () => {
    await popup.focus('li.code-row button.code-button');
    await popup.keyboard.press('End');
    const focused = () => popup.evaluate(() => document.activeElement?.closest('li.code-row')?.querySelector('.issuer')?.textContent ?? null);
    expect(await focused()).toBe(issuer(COUNT - 1));
    await popup.keyboard.press('ArrowUp');
    expect(await focused()).toBe(issuer(COUNT - 2));
    await popup.keyboard.press('ArrowDown');
    expect(await focused()).toBe(issuer(COUNT - 1));
    // The focused last row is on screen, with its code.
    await waitFor(popup, () => document.activeElement?.closest('li.code-row')?.querySelector('[data-testid="code"]') !== null, { what: 'last code' });
  });

  it('shows the right codes while scrolling after a period rolls over', async () => {
    await popup.$eval('.code-list ul', (e) => e.scrollTo(0, 0));
    const first = await waitFor(popup, () => document.querySelector('li.code-row svg.countdown')?.getAttribute('data-valid-until'), { what: 'a countdown' });
    const rollover = Number(first);
    // Wait for the period to end (not a timed assertion: what follows holds whenever it runs).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, rollover - Date.now()) + 200));
    const seen = new Set<number>();
    for (const fraction of [0, 0.25, 0.5, 0.75, 1]) {
      await popup.$eval('.code-list ul', (e, f) => e.scrollTo(0, (e.scrollHeight - e.clientHeight) * f), fraction);
      // Rows scrolled to (far from where the list was at the rollover) never show an
      // old code, not even before their new one arrives. Rows on screen at the
      // rollover keep theirs until the new one comes (no blank), hence fraction > 0.
      if (fraction > 0) expect((await visibleCodes(popup)).filter((r) => r.validUntil <= rollover)).toEqual([]);
      const rows = await newCodesShown(popup, rollover);
      for (const row of rows) {
        expect(row.code, row.issuer).toBe(referenceTotp(secretFor(indexOf(row.issuer)), row.validUntil - 30_000));
        seen.add(indexOf(row.issuer));
      }
    }
    expect(seen.has(COUNT - 1)).toBe(true);
    expect(seen.size).toBeGreaterThan(25);
  }, 90_000);
});
