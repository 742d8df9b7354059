import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from '../../tools/browser/config';
import { launchWithExtension, type ExtensionBrowser } from '../../tools/browser/launch';
import { createVault } from './pages/scan-driver';
import { waitFor } from './harness/ui';
import { sendFromPage as send } from './harness/messages';

/*
 * A copied code leaves the clipboard after the user's delay — only if the
 * clipboard still holds it. Chrome clears through the offscreen document,
 * Firefox through the background page. The delay is set short (5 s) through the
 * settings request; the test waits for the clear itself, never for a time.
 */

const PASSWORD = 'correct horse battery staple';
const URI = 'otpauth://totp/Clip:carol?secret=JBSWY3DPEHPK3PXP&issuer=Clip';
const OTHER_TEXT = 'my own note, copied later';

describe.each(BROWSERS)('clipboard clearing in %s', (kind) => {
  let ext: ExtensionBrowser;
  let scratch: Page;

  beforeAll(async () => {
    ext = await launchWithExtension(kind);
    await createVault(ext, PASSWORD);
    const options = await ext.open('options.html');
    expect((await send(options, 'accounts.add', { uri: URI })).ok).toBe(true);
    expect((await send(options, 'settings.update', { clipboardClearSeconds: 5 })).ok).toBe(true);
    await options.close();
    // A plain web page with a text box: where the user pastes, and copies their own text.
    scratch = await ext.browser.newPage();
    await scratch.setContent('<textarea id="box" rows="3" cols="40"></textarea>');
  });
  afterAll(async () => {
    await ext?.close();
  });

  /** What Ctrl+V pastes into the scratch page right now. */
  async function paste(): Promise<string> {
    await scratch.bringToFront();
    await scratch.$eval('#box', (e) => {
      (e as HTMLTextAreaElement).value = '';
      (e as HTMLTextAreaElement).focus();
    });
    await scratch.keyboard.down('Control');
    await scratch.keyboard.press('v');
    await scratch.keyboard.up('Control');
    await new Promise((r) => setTimeout(r, 100));
    return scratch.$eval('#box', (e) => (e as HTMLTextAreaElement).value);
  }

  /**
   * Copies the code with Enter in the popup, as a user does; returns it. A period may end
   * between pressing Enter and reading the code back (then the row already shows the next
   * code, not the one copied): the code must read the same before and after, or the copy
   * is made again. A period ends once per 30 s and a copy takes well under a second.
   */
  async function copyCode(): Promise<string> {
    const popup = await ext.open('popup.html');
    try {
      await waitFor(popup, () => document.querySelectorAll('li.code-row').length === 1, { what: 'row' });
      const shown = async () => (await popup.$eval('[data-testid="code"]', (e) => e.getAttribute('data-code')))!;
      for (let attempt = 1; ; attempt++) {
        const before = await shown();
        await popup.focus('li.code-row button.code-button');
        await popup.keyboard.press('Enter');
        await waitFor(popup, () => document.querySelector('[data-testid="copied"]') !== null, { what: 'Copied' });
        const after = await shown();
        if (before === after) return after;
        if (attempt === 3) throw new Error(`The code changed during each of 3 copies (${before} → ${after}).`);
        await waitFor(popup, () => document.querySelector('[data-testid="copied"]') === null, { what: 'Copied gone', timeout: 10_000 });
      }
    } finally {
      await popup.close();
    }
  }

  async function pendingClear(): Promise<boolean> {
    return 'copied-code' in (await ext.readStorage('session'));
  }

  it('clears the copied code after the configured delay', async () => {
    const code = await copyCode();
    expect(await paste()).toBe(code);
    expect(await pendingClear()).toBe(true);
    // Wait until the clipboard is empty (the alarm ran); bounded, not timed.
    const deadline = Date.now() + 90_000;
    let pasted = code;
    while (pasted !== '' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1000));
      pasted = await paste();
    }
    expect(pasted).toBe('');
    expect(await pendingClear()).toBe(false);
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    const code = await copyCode();
    expect(await paste()).toBe(code);
    expect(await pendingClear()).toBe(true);
    await scratch.bringToFront();
    await scratch.$eval('#box', (e, text) => {
      const box = e as HTMLTextAreaElement;
      box.value = text;
      box.focus();
      box.select();
    }, OTHER_TEXT);
    await scratch.keyboard.down('Control');
    await scratch.keyboard.press('c');
    await scratch.keyboard.up('Control');
    expect(await paste()).toBe(OTHER_TEXT);
    // The clear ran (its record is gone) and found the user's text: kept.
    const deadline = Date.now() + 90_000;
    while ((await pendingClear()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    expect(await pendingClear()).toBe(false);
    expect(await paste()).toBe(OTHER_TEXT);
  });
});
