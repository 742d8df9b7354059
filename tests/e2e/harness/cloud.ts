import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProtocolError, type Page, type Target } from 'puppeteer-core';
import { Agent, fetch as undiciFetch } from 'undici';
import { startEmulator } from '../../../ms-cloud-emulator/server.ts';
import type { ExtensionBrowser } from '../../../tools/browser/launch';

/*
 * The Microsoft cloud for end-to-end tests: the project's emulator on the port the
 * test build points at (https://localhost:8443), or — when E2E_CLOUD_URL is set —
 * any compatible server already running there (it must offer the same /_emulator
 * control calls).
 */

export interface TestCloud {
  url: string;
  /** Calls the control interface (/_emulator/...). */
  control(method: string, pathname: string, body?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

// Only this test client skips certificate checks: the emulator's certificate is self-signed.
const insecure = new Agent({ connect: { rejectUnauthorized: false } });

export async function startTestCloud(): Promise<TestCloud> {
  const external = process.env.E2E_CLOUD_URL;
  const emulator = external ? null : await startEmulator({ port: 8443, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'hikae-cloud-')) });
  const url = external ?? emulator!.url;
  return {
    url,
    async control(method, pathname, body) {
      const response = await undiciFetch(`${url}${pathname}`, {
        method,
        dispatcher: insecure,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${pathname} → ${response.status} ${text}`);
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    },
    close: async () => {
      await emulator?.close();
    },
  };
}

export const TEST_USERS = {
  alice: { email: 'alice@example.com', name: 'Alice Example' },
  bob: { email: 'bob@example.com', name: 'Bob Example' },
} as const;
export const TEST_USER_PASSWORD = 'password';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Clicks the button that starts a Microsoft sign-in, waits for the identity window
 * it opens (a new one: earlier sign-in windows may linger) and signs in there as a
 * person would.
 */
export async function signInWithButton(ext: ExtensionBrowser, page: Page, buttonText: string, email: string, withinSelector?: string): Promise<void> {
  const before = new Set(ext.browser.targets());
  const { clickButton } = await import('./ui');
  const within = withinSelector ? ((await page.waitForSelector(withinSelector)) ?? undefined) : undefined;
  await clickButton(page, buttonText, within ? { within } : {});
  await completeMicrosoftSignIn(ext, email, before);
}

/** Waits for the identity window the extension opened and signs in there as a person would. */
export async function completeMicrosoftSignIn(ext: ExtensionBrowser, email: string, before: Set<Target> = new Set()): Promise<void> {
  const target: Target = await ext.browser.waitForTarget(
    (t) => !before.has(t) && (t.url().includes('/oauth2/v2.0/authorize') || t.url().includes('/login')),
    { timeout: 20_000 },
  );
  const page = (await target.page()) as Page;
  if (process.env.E2E_DEBUG) console.log('sign-in target', target.type(), target.url().slice(0, 80), !!page);
  const deadline = Date.now() + 20_000;
  // Account picker (a live session) or the sign-in form.
  for (;;) {
    const state = await page
      .evaluate(() => (document.querySelector('#i0116') ? 'form' : document.querySelector('#otherTile') ? 'picker' : 'loading'))
      .catch(() => 'loading');
    if (state === 'form') break;
    if (state === 'picker') {
      const tile = await page.$(`button[name=account][value="${email}"]`);
      if (tile) {
        await tile.click();
        return;
      }
      await page.click('#otherTile');
    }
    if (Date.now() > deadline) throw new Error(`The sign-in page did not appear (${page.url()}).`);
    await sleep(100);
  }
  // The form may come pre-filled from the login hint: replace what is there.
  await page.$eval('#i0116', (input) => ((input as HTMLInputElement).value = ''));
  await page.type('#i0116', email);
  await page.type('#i0118', TEST_USER_PASSWORD);
  // Enter, as a person finishing the password would (the form's first submit button is "Sign in").
  // The key-down submits, and the identity window may close on the redirect before the
  // key-up is delivered: a window closed by the sign-in completing is not a failure.
  await page.keyboard.press('Enter').catch((error: unknown) => {
    // (Puppeteer's TargetCloseError, a ProtocolError it does not export by name.)
    if (!(error instanceof ProtocolError && error.name === 'TargetCloseError')) throw error;
  });
}

/**
 * Signs in on the identity window the extension opened, keyboard only, as a person
 * who never touches the mouse: the window opens with the focus in the email field
 * (or the password, when the email came pre-filled); type, Tab, type, Enter.
 */
export async function signInWithKeyboard(ext: ExtensionBrowser, email: string, before: Set<Target>): Promise<void> {
  const target: Target = await ext.browser.waitForTarget(
    (t) => !before.has(t) && (t.url().includes('/oauth2/v2.0/authorize') || t.url().includes('/login')),
    { timeout: 20_000 },
  );
  const page = (await target.page()) as Page;
  const deadline = Date.now() + 20_000;
  let focused = '';
  while (focused !== 'i0116' && focused !== 'i0118') {
    if (Date.now() > deadline) throw new Error(`The sign-in page never had its focus in a field (${page.url()}: on "${focused}").`);
    await sleep(100);
    focused = await page.evaluate(() => (document.querySelector('#i0116') ? document.activeElement?.id ?? '' : '')).catch(() => '');
  }
  if (focused === 'i0116') {
    const length = await page.evaluate(() => (document.activeElement as HTMLInputElement).value.length);
    await page.keyboard.press('End');
    for (let i = 0; i < length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
  }
  if ((await page.evaluate(() => document.activeElement?.id)) !== 'i0118') throw new Error('Tab from the email field did not reach the password field.');
  await page.keyboard.type(TEST_USER_PASSWORD);
  await page.keyboard.press('Enter').catch((error: unknown) => {
    // The window may close on the redirect before the key-up is delivered (see completeMicrosoftSignIn).
    if (!(error instanceof ProtocolError && error.name === 'TargetCloseError')) throw error;
  });
}
