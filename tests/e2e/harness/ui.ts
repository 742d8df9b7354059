import type { ElementHandle, Page } from 'puppeteer-core';

/*
 * Small helpers that drive pages the way a person does: by visible text, labels
 * and keys — the same calls in Chromium (CDP) and Firefox (WebDriver BiDi).
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` in the page until it returns a truthy value (waitForFunction, but robust to Firefox navigations). */
export async function waitFor<T>(page: Page, probe: () => T, { timeout = 15_000, what = 'condition' } = {}): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await page.evaluate(probe);
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(50);
  }
}

/** Waits until the page shows `text` somewhere in its visible text. */
export async function waitForText(page: Page, text: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = await page.evaluate((t) => document.body.innerText.includes(t), text).catch(() => false);
    if (found) return;
    if (Date.now() > deadline) {
      const body = await page.evaluate(() => document.body.innerText).catch(() => '');
      throw new Error(`Timed out waiting for text "${text}". Page shows:\n${body.slice(0, 2000)}`);
    }
    await sleep(50);
  }
}

/** The visible text of the page. */
export const pageText = (page: Page) => page.evaluate(() => document.body.innerText);

/** Types into the input named `name` (replacing what it holds). */
export async function fill(page: Page, name: string, value: string): Promise<void> {
  const input = await page.waitForSelector(`[name="${name}"]`, { visible: true });
  await input!.click({ count: 3 });
  await page.evaluate((n) => {
    const el = document.querySelector<HTMLInputElement>(`[name="${n}"]`);
    el?.select?.();
  }, name);
  await page.keyboard.press('Backspace');
  if (value !== '') await input!.type(value);
}

/** Clicks the visible, enabled button whose text (or accessible label) is exactly `text`, waiting for it to appear. */
export async function clickButton(page: Page, text: string, { within, timeout = 15_000 }: { within?: ElementHandle; timeout?: number } = {}): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const buttons = within ? await within.$$('button') : await page.$$('button');
    for (const button of buttons) {
      const matches = await button
        .evaluate((b, t) => (b.innerText.trim() === t || b.getAttribute('aria-label') === t) && !b.disabled && b.offsetParent !== null, text)
        .catch(() => false);
      if (matches) {
        await button.click();
        return;
      }
    }
    if (Date.now() > deadline) throw new Error(`No button "${text}" appeared`);
    await sleep(50);
  }
}

/**
 * Presses Tab (Shift+Tab with `back`) until the focused element is the one `matches`
 * describes — how a keyboard user reaches a control — and fails after `limit` presses.
 * `matches` runs in the page on document.activeElement: `{ name }` for a field,
 * `{ text }` for a button or link by its visible text or aria-label.
 */
export async function tabTo(page: Page, matches: { name?: string; text?: string }, { back = false, limit = 60 } = {}): Promise<void> {
  for (let i = 0; i < limit; i++) {
    const here = await page.evaluate(({ name, text }) => {
      const el = document.activeElement as HTMLElement | null;
      // Firefox keeps activeElement while Tab has moved on into the browser's own toolbar.
      if (!el || el === document.body || !document.hasFocus()) return false;
      if (name !== undefined) return el.getAttribute('name') === name;
      return el.innerText?.trim() === text || el.getAttribute('aria-label') === text;
    }, matches);
    if (here) return;
    if (back) {
      await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      await page.keyboard.up('Shift');
    } else await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${JSON.stringify(matches)}`);
}

/** The focused element's name, or its text: what a screen reader user is on. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.getAttribute('name') ?? el?.innerText?.trim() ?? '';
  });
