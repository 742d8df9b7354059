import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { BROWSERS } from '../../tools/browser/config';
import { launchWithExtension } from '../../tools/browser/launch';
import { TEST_USERS } from './harness/cloud';
import { sendRequest, setUpBackedUpDevice, totpLink } from './harness/devices';
import { useCloudAndBrowser } from './harness/suite';
import { tabTo, waitFor } from './harness/ui';

/*
 * The layout points of #14, measured (geometry and computed style, never timings):
 * the first-run page's background reaches the top edge (light and dark); the menu's
 * backup alert moves no menu item; Import's file picker is a styled label the
 * keyboard reaches, the native input visually hidden; body text no bigger than
 * labels and buttons; the issuer no smaller than the account name, a long name cut
 * at one end only with the whole name in a title.
 */

const PASSWORD = 'layout passphrase for e2e';
const EMAIL = TEST_USERS.alice.email;
const LONG_NAME = 'a.very.long.account.name.that.cannot.fit.on.one.line.of.the.popup@example.com';
const LONG_LINK = `otpauth://totp/GitHub:${encodeURIComponent(LONG_NAME)}?secret=JBSWY3DPEHPK3PXP&issuer=GitHub`;

/** The colour painted at (x, 1): the background of the topmost element there, or of its nearest painted ancestor. */
const colourAtTop = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.elementFromPoint(Math.floor(innerWidth / 2), 1);
    while (el) {
      const bg = getComputedStyle(el).backgroundColor;
      if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return { tag: el.tagName.toLowerCase(), bg };
      el = el.parentElement;
    }
    return { tag: 'none', bg: '' };
  });

async function expectBackgroundAtTop(page: Page) {
  await waitFor(page, () => document.querySelector('input[name="new-password"]') !== null, { what: 'first run' });
  const body = await page.evaluate(() => ({ top: document.body.getBoundingClientRect().top, bg: getComputedStyle(document.body).backgroundColor }));
  expect(body.top).toBe(0);
  expect(await colourAtTop(page)).toEqual({ tag: 'body', bg: body.bg });
}

/** Each menu item's box, rounded to the pixel. */
const navBoxes = (page: Page) =>
  page.$$eval('.options-layout nav a', (links) =>
    links.map((a) => {
      const r = a.getBoundingClientRect();
      const label = a.firstChild?.textContent ?? '';
      return { label, x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
    }),
  );

/** The font sizes in px of every element matching `selector`. */
const fontSizes = (page: Page, selector: string) =>
  page.$$eval(selector, (els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));

/** How the names in `rowSelector` are drawn: each cut or whole, the cut's side, and the title. */
const namesOf = (page: Page, rowSelector: string) =>
  page.$eval(rowSelector, (row) => {
    const names = row.querySelector('.names') as HTMLElement;
    const part = (sel: string) => {
      const el = row.querySelector(sel) as HTMLElement;
      const style = getComputedStyle(el);
      return { cut: el.scrollWidth > el.clientWidth, overflow: style.textOverflow, direction: style.direction, wraps: style.whiteSpace !== 'nowrap', size: parseFloat(style.fontSize) };
    };
    return { title: names.getAttribute('title'), issuer: part('.issuer'), name: part('.account-name'), fits: names.scrollWidth <= names.clientWidth + 1 };
  });

describe.each(BROWSERS)('layout in %s', (kind) => {
  const suite = useCloudAndBrowser(kind);

  it('first run: the page background reaches the top edge, light and dark', async () => {
    const light = await suite.ext.open('options.html');
    await expectBackgroundAtTop(light);
    await light.close();
    const dark = await launchWithExtension(kind, { colorScheme: 'dark' });
    try {
      const page = await dark.open('options.html');
      await expectBackgroundAtTop(page);
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    } finally {
      await dark.close();
    }
  });

  it('Import: a styled "Choose a file" the keyboard reaches; the native input visually hidden but labelled', async () => {
    await setUpBackedUpDevice(suite.ext, suite.cloud, { password: PASSWORD, email: EMAIL, links: [LONG_LINK] });
    const page = await suite.ext.open('options.html#transfer');
    await waitFor(page, () => document.querySelector('[data-testid="import-file-button"]') !== null, { what: 'Import' });
    const looks = await page.evaluate(() => {
      const input = document.querySelector('input[name="import-file"]') as HTMLInputElement;
      const label = document.querySelector('[data-testid="import-file-button"]') as HTMLElement;
      const box = input.getBoundingClientRect();
      const button = getComputedStyle(label);
      return {
        inputArea: Math.round(box.width * box.height),
        labelledBy: input.labels?.[0]?.textContent,
        label: { border: button.borderTopStyle, radius: button.borderTopLeftRadius, background: button.backgroundColor, cursor: button.cursor, height: label.getBoundingClientRect().height },
        primary: getComputedStyle(document.querySelector('button.primary') ?? label).backgroundColor,
      };
    });
    expect(looks.inputArea).toBeLessThanOrEqual(1);
    expect(looks.labelledBy).toBe('Choose a file');
    expect(looks.label).toMatchObject({ border: 'solid', radius: '6px', cursor: 'pointer' });
    expect(looks.label.background).toBe(looks.primary);
    expect(looks.label.height).toBeGreaterThan(24);

    // The keyboard reaches it, and its focus ring shows on the button-like label.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo(page, { name: 'import-file' });
    expect(await page.$eval('[data-testid="import-file-button"]', (l) => getComputedStyle(l).outlineStyle)).toBe('solid');
    await page.close();
  });

  it('body text no bigger than labels and buttons; the issuer whole, the long name cut at its end, the full name in a title', async () => {
    // Backup & recovery, signed in: paragraphs, a switch's label, buttons.
    const page = await suite.ext.open('options.html#backup');
    await waitFor(page, () => document.querySelector('[data-testid="backup-card"] p') !== null && document.querySelector('input[name="cloudBackup"]') !== null, { what: 'Backup & recovery' });
    const text = await fontSizes(page, 'main p');
    const controls = await fontSizes(page, 'main label:not(.small), main button:not(.small)');
    expect(text.length).toBeGreaterThan(0);
    expect(controls.length).toBeGreaterThan(0);
    expect(Math.max(...text)).toBeLessThanOrEqual(Math.min(...controls));
    // The page's text is the root's size in both browsers (Chromium's extension pages shrink the body to 75%).
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('14px');

    await page.evaluate(() => (location.hash = 'accounts'));
    await waitFor(page, () => document.querySelector('[data-testid="account-item"]') !== null, { what: 'the list' });
    const listed = await namesOf(page, '[data-testid="account-item"]');
    expect(listed).toMatchObject({ title: `GitHub — ${LONG_NAME}`, fits: true });
    expect(listed.issuer).toMatchObject({ cut: false, wraps: false });
    expect(listed.name).toMatchObject({ cut: true, overflow: 'ellipsis', direction: 'ltr', wraps: false });
    expect(listed.issuer.size).toBeGreaterThanOrEqual(listed.name.size);
    await page.close();

    const popup = await suite.ext.open('popup.html');
    await waitFor(popup, () => document.querySelector('li.code-row .names') !== null, { what: 'the row' });
    const row = await namesOf(popup, 'li.code-row');
    expect(row).toMatchObject({ title: `GitHub — ${LONG_NAME}`, fits: true });
    expect(row.issuer).toMatchObject({ cut: false, wraps: false });
    expect(row.name).toMatchObject({ cut: true, overflow: 'ellipsis', direction: 'ltr', wraps: false });
    expect(row.issuer.size).toBeGreaterThanOrEqual(row.name.size);
    await popup.close();
  });

  it("the menu's backup alert moves no menu item", async () => {
    const page = await suite.ext.open('options.html#accounts');
    await waitFor(page, () => document.querySelectorAll('.options-layout nav a').length === 6, { what: 'the menu' });
    expect(await page.$('[data-testid="nav-backup-alert"]')).toBeNull();
    const without = await navBoxes(page);
    // The sign-in expires everywhere: the next upload can't renew, the backup falls behind.
    await suite.cloud.control('POST', '/_emulator/sessions/end', { user: EMAIL });
    await suite.cloud.control('POST', '/_emulator/tokens/expire', { user: EMAIL, kind: 'all' });
    expect((await sendRequest(page, 'accounts.add', { uri: totpLink('While expired', 'GEZDGNBVGY3TQOJQ') })).ok).toBe(true);
    await waitFor(page, () => document.querySelector('[data-testid="nav-backup-alert"]') !== null, { what: 'the menu alert', timeout: 30_000 });
    expect(await navBoxes(page)).toEqual(without);
    // And the alert is inside its item's box.
    const inside = await page.$eval('[data-testid="nav-backup-alert"]', (alert) => {
      const a = alert.closest('a')!.getBoundingClientRect();
      const r = alert.getBoundingClientRect();
      return r.left >= a.left && r.right <= a.right && r.top >= a.top && r.bottom <= a.bottom;
    });
    expect(inside).toBe(true);
    await page.close();
  });
});
