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

/**
 * Drags the element at `handle` vertically and drops it over the lower edge of `target`,
 * with a real mouse. The page's layout must hold still for a drag to mean anything: a card
 * loading above the list, or a scroll that follows focus, moves the rows between measuring
 * and releasing (a drop then lands one row off). So the list is scrolled into view first and
 * both boxes are measured only once three readings in a row agree.
 */
export async function dragVertically(page: Page, handle: string, target: string): Promise<void> {
  await page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView({ block: 'center' }), target);
  const measure = () => page.evaluate((h, t) => {
    const box = (sel: string) => {
      const r = document.querySelector(sel)?.getBoundingClientRect();
      return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
    };
    return JSON.stringify({ from: box(h), to: box(t) });
  }, handle, target);
  const readings: string[] = [];
  const deadline = Date.now() + 15_000;
  while (readings.length < 3 || new Set(readings.slice(-3)).size !== 1) {
    if (Date.now() > deadline) throw new Error(`The layout around ${target} never held still: ${readings.slice(-3).join(' / ')}`);
    readings.push(await measure());
    await sleep(50);
  }
  const { from, to } = JSON.parse(readings.at(-1)!) as { from: DOMRect | null; to: DOMRect | null };
  if (!from || !to) throw new Error(`Nothing to drag: ${from ? target : handle} is not on the page`);
  const x = from.x + from.width / 2;
  await page.mouse.move(x, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(x, to.y + to.height - 2, { steps: 8 });
  await page.mouse.up();
}

/** The error shown at the field `name`, once it is tied to it (aria-invalid and aria-describedby). */
export async function fieldError(page: Page, name: string): Promise<string> {
  return waitFor(
    page,
    new Function(`
      const input = document.querySelector('[name="${name}"]');
      if (!input || input.getAttribute('aria-invalid') !== 'true') return '';
      const ids = (input.getAttribute('aria-describedby') ?? '').split(' ');
      const error = ids.map((id) => document.getElementById(id)).find((el) => el && el.getAttribute('role') === 'alert');
      return error ? error.textContent : '';
    `) as () => string,
    { what: `an error at ${name} (it holds "${await page.$eval(`[name="${name}"]`, (e) => (e as HTMLInputElement).value).catch(() => '?')}")` },
  );
}
