import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from '../../tools/browser/config';
import { launchWithExtension, type ExtensionBrowser } from '../../tools/browser/launch';
import { reloadExtensionPage as reload } from '../../tools/browser/pages';
import { axeViolations, type AxeViolation } from './harness/axe';
import { sendFromPage as send } from './harness/messages';
import { referenceTotp } from './harness/reference-otp';
import { waitFor, waitForText } from './harness/ui';
import { createVault } from './pages/scan-driver';

/*
 * The popup's display (docs/popup-display.md), in dark mode (the system's colour
 * scheme set dark, checked through matchMedia): the empty state's three ways to
 * add an account, pins, the order chosen on the options page, hidden codes (shown
 * on focus, still copied with Enter), the next code in the last seconds of a
 * period, and the backup suggestion's "Not now" kept across a reload. axe-core on
 * every state.
 */

const PASSWORD = 'correct horse battery staple';
// Period 15 s: its next-code window (the last 5 s) comes within one period.
const FAST_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const LINKS = [
  'otpauth://totp/Zeta:zed?secret=JBSWY3DPEHPK3PXP&issuer=Zeta',
  `otpauth://totp/Alpha:amy?secret=${FAST_SECRET}&issuer=Alpha&period=15`,
  'otpauth://totp/Mid:max?secret=KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF&issuer=Mid',
];

/** The popup rows' titles (issuers), top to bottom. */
const rowTitles = (page: Page) => page.$$eval('li.code-row .issuer', (els) => els.map((e) => e.textContent));

/** The row of `issuer`: its account id and whether its pin is pressed. */
const pinOf = (page: Page, issuer: string) =>
  page.$$eval('li.code-row', (rows, name) => {
    const row = rows.find((r) => r.querySelector('.issuer')?.textContent === name);
    return { id: row?.getAttribute('data-account-id') ?? '', pressed: row?.querySelector('[data-testid="pin"]')?.getAttribute('aria-pressed') ?? '' };
  }, issuer);

describe.each(BROWSERS)('popup display in %s (dark)', (kind) => {
  let ext: ExtensionBrowser;
  const found: Record<string, AxeViolation[]> = {};

  async function check(page: Page, state: string) {
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), `${state}: dark`).toBe(true);
    found[state] = await axeViolations(page);
  }

  beforeAll(async () => {
    ext = await launchWithExtension(kind, { colorScheme: 'dark' });
    await createVault(ext, PASSWORD);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('empty: three ways to add the first account, the first focused', async () => {
    const popup = await ext.open('popup.html');
    await waitForText(popup, 'No accounts yet.');
    const buttons = await popup.$$eval('.empty-state button', (els) => els.map((e) => (e as HTMLElement).innerText));
    expect(buttons).toEqual(['Scan a QR code on this page', 'Enter a setup key', 'Import from another app']);
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Scan a QR code on this page');
    await check(popup, 'popup: empty (dark)');
    await popup.close();
  });

  it('pin: a pinned account comes first, and stays first when the popup opens again', async () => {
    const setup = await ext.open('options.html');
    for (const uri of LINKS) expect((await send(setup, 'accounts.add', { uri })).ok).toBe(true);
    await setup.close();
    const popup = await ext.open('popup.html');
    await waitFor(popup, () => document.querySelectorAll('li.code-row [data-testid="code"]').length === 3, { what: 'three codes' });
    expect(await rowTitles(popup)).toEqual(['Zeta', 'Alpha', 'Mid']);
    await popup.click('li.code-row:nth-child(3) [data-testid="pin"]');
    await waitFor(popup, () => document.querySelector('li.code-row .issuer')?.textContent === 'Mid', { what: 'Mid first' });
    expect(await popup.$eval('li.code-row [data-testid="pin"]', (b) => [b.getAttribute('aria-pressed'), b.getAttribute('aria-label')])).toEqual(['true', 'Pin Mid to the top']);
    await check(popup, 'popup: pinned (dark)');
    await reload(popup);
    await waitFor(popup, () => document.querySelectorAll('li.code-row').length === 3, { what: 'rows' });
    expect(await rowTitles(popup)).toEqual(['Mid', 'Zeta', 'Alpha']);
    await popup.close();
  });

  it('keyboard: a row\'s pin is no Tab stop of its own; → reaches it, shown, ← goes back, Enter pins', async () => {
    const popup = await ext.open('popup.html');
    await waitFor(popup, () => document.querySelectorAll('li.code-row [data-testid="code"]').length === 3, { what: 'three codes' });
    expect(await rowTitles(popup)).toEqual(['Mid', 'Zeta', 'Alpha']);
    const focusedIs = (selector: string, what: string) =>
      waitFor(popup, new Function(`return document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`) as () => boolean, { what });
    await popup.keyboard.press('ArrowDown');
    await focusedIs('li.code-row:nth-child(1) button.code-button', 'the first row');
    await popup.keyboard.press('Tab');
    await focusedIs('li.code-row:nth-child(2) button.code-button', 'Tab: the next row, not a hidden pin');
    expect(await popup.$eval('li.code-row:nth-child(2) [data-testid="code-button"]', (b) => b.getAttribute('aria-describedby') && document.getElementById(b.getAttribute('aria-describedby')!)?.textContent))
      .toBe('Click or press Enter to copy the code; the right arrow key reaches its pin.');
    await popup.keyboard.press('ArrowRight');
    await focusedIs('li.code-row:nth-child(2) [data-testid="pin"]', '→: the row\'s pin');
    expect(await popup.$eval('li.code-row:nth-child(2) [data-testid="pin"]', (b) => [getComputedStyle(b).opacity, b.getAttribute('aria-label')])).toEqual(['1', 'Pin Zeta to the top']);
    await check(popup, 'popup: pin focused (dark)');
    await popup.keyboard.press('ArrowLeft');
    await focusedIs('li.code-row:nth-child(2) button.code-button', '←: back to the code');
    await popup.keyboard.press('ArrowRight');
    await popup.keyboard.press('Enter');
    await expect.poll(() => pinOf(popup, 'Zeta').then((pin) => pin.pressed)).toBe('true');
    // Back as it was (Mid alone pinned), by mouse this time.
    await popup.click(`li.code-row[data-account-id="${(await pinOf(popup, 'Zeta')).id}"] [data-testid="pin"]`);
    await expect.poll(() => rowTitles(popup)).toEqual(['Mid', 'Zeta', 'Alpha']);
    expect((await pinOf(popup, 'Zeta')).pressed).toBe('false');
    await popup.close();
  });

  it('"Add account" in the header opens Add on the options page', async () => {
    const popup = await ext.open('popup.html');
    await waitFor(popup, () => document.querySelectorAll('li.code-row').length === 3, { what: 'rows' });
    expect(await popup.$eval('[data-testid="add-account"]', (b) => b.getAttribute('aria-label'))).toBe('Add account');
    const before = new Set(await ext.browser.pages());
    await popup.click('[data-testid="add-account"]');
    // Found by where it is (Firefox does not report an extension page's URL to Puppeteer).
    let opened: Page | undefined;
    for (let i = 0; i < 100 && !opened; i++) {
      for (const page of await ext.browser.pages()) {
        if (!before.has(page) && (await page.evaluate(() => location.pathname + location.hash).catch(() => '')) === '/options.html#add') opened = page;
      }
      if (!opened) await new Promise((r) => setTimeout(r, 100));
    }
    expect(opened, 'options.html#add opened').toBeDefined();
    await waitForText(opened!, 'Enter the key by hand');
    await opened!.close();
  });

  it('options → Popup: alphabetical order and hidden codes; a hidden code shows on focus and Enter copies it', async () => {
    const options = await ext.open('options.html#security');
    await waitFor(options, () => !!document.querySelector('[data-testid="popup-display"] select[name="sort"]:not([disabled])'), { what: 'Popup settings' });
    await options.select('select[name="sort"]', 'alphabetical');
    await waitFor(options, () => document.querySelector('[data-testid="popup-display"] [role="status"]')?.textContent === 'Saved', { what: 'Saved' });
    await options.click('input[name="hideCodes"]');
    await waitFor(options, () => (document.querySelector('input[name="hideCodes"]') as HTMLInputElement).checked, { what: 'checked' });
    await check(options, 'options: security with Popup (dark)');
    await options.close();

    const popup = await ext.open('popup.html');
    await waitFor(popup, () => document.querySelectorAll('li.code-row [data-testid="code-mask"]').length === 3, { what: 'masks' });
    // Pinned first, then alphabetical.
    expect(await rowTitles(popup)).toEqual(['Mid', 'Alpha', 'Zeta']);
    const shown = () => popup.$$eval('li.code-row', (rows) => rows.map((r) => getComputedStyle(r.querySelector('[data-testid="code"]')!).display !== 'none'));
    expect(await shown()).toEqual([false, false, false]);
    expect(await popup.$eval('li.code-row [data-testid="code-mask"]', (e) => e.textContent)).toBe('••• •••');
    await check(popup, 'popup: codes hidden (dark)');

    // Keyboard: the search box has the focus; ArrowDown reaches the first row, which shows its code.
    await popup.keyboard.press('ArrowDown');
    await waitFor(popup, () => document.activeElement?.matches('li.code-row:first-child button.code-button') ?? false, { what: 'first row focused' });
    expect(await shown()).toEqual([true, false, false]);
    await popup.keyboard.press('Enter');
    await waitFor(popup, () => !!document.querySelector('[data-testid="copied"]'), { what: 'Copied' });

    // "Show codes" shows every code until the popup closes.
    await popup.click('[data-testid="show-codes"]');
    await waitFor(popup, () => document.querySelector('[data-testid="show-codes"]')?.getAttribute('aria-pressed') === 'true', { what: 'pressed' });
    await popup.mouse.move(0, 0);
    expect(await shown()).toEqual([true, true, true]);
    await popup.close();
  });

  it('the next code, labelled, in the last seconds of a period: the code the next period shows', async () => {
    const settings = await ext.open('options.html');
    expect((await send(settings, 'display.update', { hideCodes: false, sort: 'manual' })).ok).toBe(true);
    await settings.close();
    const popup = await ext.open('popup.html');
    const alpha = 'li.code-row:nth-child(3)';
    await waitFor(popup, () => document.querySelectorAll('li.code-row [data-testid="code"]').length === 3, { what: 'codes' });
    expect(await rowTitles(popup)).toEqual(['Mid', 'Zeta', 'Alpha']);
    // Within one 15 s period the window (its last 5 s) opens.
    await popup.waitForSelector(`${alpha} [data-testid="next-preview"]`, { timeout: 20_000 });
    const seen = await popup.$eval(alpha, (row) => ({
      current: row.querySelector('[data-testid="code"]')!.getAttribute('data-code'),
      until: Number(row.querySelector('[data-testid="code"]')!.getAttribute('data-valid-until')),
      next: row.querySelector('.next-value')!.getAttribute('data-code'),
      text: (row.querySelector('[data-testid="next-preview"]') as HTMLElement).innerText,
    }));
    expect(seen.current).toBe(referenceTotp(FAST_SECRET, seen.until - 1, { period: 15 }));
    expect(seen.next).toBe(referenceTotp(FAST_SECRET, seen.until, { period: 15 }));
    expect(seen.text).toBe(`Next ${seen.next!.slice(0, 3)} ${seen.next!.slice(3)}`);
    // Accounts of 30 s periods show no next code before their own window.
    await check(popup, 'popup: next code (dark)');
    await popup.close();
  });

  it('the countdown shows the seconds left as a number inside the ring', async () => {
    const popup = await ext.open('popup.html');
    await waitFor(popup, () => document.querySelectorAll('li.code-row [data-testid="seconds-left"]').length === 3, { what: 'three numbers' });
    // The number is CSS (a stepped integer property printed by a counter): read the property, and
    // compare it with what the row's code says is left, in the same instant.
    await popup.bringToFront();
    // Shown once the page's first frames have run the animations (Firefox applies them a frame late).
    await waitFor(popup, () => Array.from(document.querySelectorAll('li.code-row [data-testid="seconds-left"]')).every((number) => {
      const until = Number(number.closest('li')!.querySelector('svg.countdown')!.getAttribute('data-valid-until'));
      const shown = Number(getComputedStyle(number).getPropertyValue('--seconds-left'));
      return Math.abs(shown - Math.max(0, Math.ceil((until - Date.now()) / 1000))) <= 1;
    }), { what: 'each number showing its code\'s seconds left', timeout: 5_000 }).catch(() => undefined);
    const seen = await popup.$$eval('li.code-row', (rows) =>
      rows.map((row) => ({
        shown: Number(getComputedStyle(row.querySelector('[data-testid="seconds-left"]')!).getPropertyValue('--seconds-left')),
        left: Math.ceil((Number(row.querySelector('svg.countdown')!.getAttribute('data-valid-until')) - Date.now()) / 1000),
        visible: getComputedStyle(row.querySelector('[data-testid="seconds-left"]')!, '::after').content,
      })),
    );
    for (const { shown, left, visible } of seen) {
      expect(Math.abs(shown - Math.max(0, left)), JSON.stringify(seen)).toBeLessThanOrEqual(1);
      expect(visible).toMatch(/^counter\(seconds-left/);
    }
    expect(seen.some(({ shown }) => shown > 0)).toBe(true);
    await check(popup, 'popup: seconds left (dark)');
    await popup.close();
  });

  it('the backup suggestion: "Not now" keeps it away across a reload', async () => {
    const options = await ext.open('options.html#accounts');
    await options.waitForSelector('[data-testid="backup-nudge"]', { visible: true });
    await check(options, 'options: accounts with the backup suggestion (dark)');
    await options.click('[data-testid="nudge-not-now"]');
    await waitFor(options, () => !document.querySelector('[data-testid="backup-nudge"]'), { what: 'suggestion gone' });
    // Stored (bounded poll: the request is on its way when the suggestion disappears).
    for (let i = 0; i < 50 && !(await ext.readStorage('local'))['backup-nudge']; i++) await new Promise((r) => setTimeout(r, 100));
    expect((await ext.readStorage('local'))['backup-nudge']).toMatchObject({ accountCount: 3 });
    await reload(options);
    await waitFor(options, () => document.querySelectorAll('[data-testid="account-item"]').length === 3, { what: 'accounts' });
    expect(await options.$('[data-testid="backup-nudge"]')).toBeNull();
    await options.close();
  });

  it('has no axe violations in any state', () => {
    expect(Object.keys(found)).toHaveLength(8);
    expect(Object.fromEntries(Object.entries(found).filter(([, list]) => list.length > 0))).toEqual({});
  });
});
