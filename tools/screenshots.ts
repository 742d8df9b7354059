import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { generate } from 'selfsigned';
import { clickToolbarButton } from '../testing/toolbar';
import { ROOT } from './browser/config';
import { chromiumFrontTabId } from './browser/front-tab';
import { launchWithExtension, type ExtensionBrowser, type LaunchOptions } from './browser/launch';

/*
 * Regenerates the README's screenshots from the built test extension in Chromium
 * (`npm run build:test && npm run screenshots`; it launches browsers, so on a shared
 * machine run it under the e2e lock). Each picture is a state a user reaches: the
 * popup (English, Japanese, dark), the popup on a sign-in page offering its account's
 * Fill, the backup suggestion after the first accounts, the accounts page, adding an
 * account, and the first run. Japanese text needs a CJK font installed (fonts-noto-cjk),
 * or it is drawn as empty boxes.
 */

const OUT = path.join(ROOT, 'docs/screenshots');
const POPUP_VIEWPORT = { width: 360, height: 420 };
const ACCOUNTS = [
  'otpauth://totp/GitHub:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub',
  'otpauth://totp/Microsoft:alice%40outlook.com?secret=KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF&issuer=Microsoft',
  'otpauth://totp/%E3%83%86%E3%82%B9%E3%83%88%E9%8A%80%E8%A1%8C:%E5%A4%AA%E9%83%8E?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=%E3%83%86%E3%82%B9%E3%83%88%E9%8A%80%E8%A1%8C&digits=8',
  'otpauth://hotp/Bank:bob?secret=KRUGS4ZANFZSAYJAORSXG5BAONSWG4TFOQ&issuer=Bank&counter=5',
  'otpauth://steam/Steam:gamer?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&issuer=Steam',
];

/** The sign-in page's host: a .test name the browser is told to resolve to this machine. */
const SITE = 'github.test';

type Answer = { ok: boolean; value?: { id?: string } };
const send = (page: Page, type: string, payload: unknown): Promise<Answer> =>
  page.evaluate(
    (t, p) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Answer> } } }).chrome.runtime.sendMessage({ type: t, payload: p }),
    type,
    payload as never,
  );

/** Sends `type` and fails loudly: a screenshot of a state that was never reached would mislead. */
async function must(page: Page, type: string, payload: unknown): Promise<Answer> {
  const answer = await send(page, type, payload);
  if (!answer.ok) throw new Error(`${type} failed: ${JSON.stringify(answer)}`);
  return answer;
}

/** A browser with the vault created and `links` added; answers the added accounts' ids. */
async function seeded(options: LaunchOptions, links: readonly string[]): Promise<{ ext: ExtensionBrowser; ids: string[] }> {
  const ext = await launchWithExtension('chromium', options);
  const setup = await ext.open('options.html');
  await must(setup, 'vault.create', { password: 'screenshot password' });
  const ids: string[] = [];
  for (const uri of links) ids.push((await must(setup, 'accounts.add', { uri })).value!.id!);
  await setup.close();
  return { ext, ids };
}

/** A sign-in page asking for a code, over https on `SITE` (the browsers here accept its self-signed certificate). */
async function startSignInPage(): Promise<{ url: string; close(): Promise<void> }> {
  const pems = await generate([{ name: 'commonName', value: SITE }], { keyType: 'ec', curve: 'P-256', algorithm: 'sha256' });
  const page = `<!doctype html><html lang="en"><title>Sign in</title><form><label>Authentication code <input name="otp" autocomplete="one-time-code" inputmode="numeric"></label><button>Verify</button></form>`;
  const server = https.createServer({ key: pems.private, cert: pems.cert }, (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://${SITE}:${(server.address() as AddressInfo).port}/login`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function shootPopup(ext: ExtensionBrowser, file: string, url = 'popup.html'): Promise<void> {
  const popup = await ext.open(url);
  await popup.setViewport(POPUP_VIEWPORT);
  await popup.waitForSelector('li.code-row [data-testid="code"]');
  await popup.screenshot({ path: path.join(OUT, file) });
  await popup.close();
}

for (const lang of ['en', 'ja'] as const) {
  const { ext } = await seeded({ lang }, ACCOUNTS);
  await shootPopup(ext, `popup-${lang}.png`);

  const options = await ext.open('options.html#accounts');
  await options.setViewport({ width: 1100, height: 560 });
  await options.waitForSelector('[data-testid="account-item"]');
  await options.screenshot({ path: path.join(OUT, `options-accounts-${lang}.png`) });
  if (lang === 'en') {
    // The backup suggestion, as it shows once there are accounts and backup is off.
    await options.setViewport({ width: 1100, height: 380 });
    await options.waitForSelector('[data-testid="backup-nudge"]', { visible: true });
    await options.screenshot({ path: path.join(OUT, 'backup-nudge-en.png') });
    await options.evaluate(() => (location.hash = 'add'));
    await options.waitForSelector('[data-testid="manual-form"]');
    await options.setViewport({ width: 1100, height: 760 });
    await options.screenshot({ path: path.join(OUT, 'options-add-en.png') });
    const fresh = await launchWithExtension('chromium', { lang });
    const first = await fresh.open('popup.html');
    await first.setViewport(POPUP_VIEWPORT);
    await first.waitForSelector('input[name="new-password"]');
    await first.screenshot({ path: path.join(OUT, 'first-run-en.png') });
    await fresh.close();
  }
  await ext.close();
}

// The popup in dark mode (the system's colour scheme).
{
  const { ext } = await seeded({ lang: 'en', colorScheme: 'dark' }, ACCOUNTS);
  await shootPopup(ext, 'popup-dark-en.png');
  await ext.close();
}

// The popup on a sign-in page (a local https page, its .test host mapped to this machine):
// the site's account first with Fill. The toolbar click grants activeTab, as a user's does;
// the popup is then shown for that tab in a page of its own, to be sized like the real one.
{
  const signIn = await startSignInPage();
  const { ext, ids } = await seeded({ lang: 'en', localHosts: [SITE] }, ACCOUNTS);
  try {
    const setup = await ext.open('options.html');
    await must(setup, 'accounts.update', { id: ids[0], edit: { sites: [SITE] } });
    await setup.close();
    const site = await ext.browser.newPage();
    await site.goto(signIn.url, { waitUntil: 'load' });
    await site.bringToFront();
    const tabId = await chromiumFrontTabId(ext);
    await clickToolbarButton(ext.browser, 'chromium', site);
    const popup = await ext.open(`popup.html?tab=${tabId}`);
    await popup.setViewport({ width: 360, height: 460 });
    await popup.waitForSelector('[data-testid="site-account"] [data-testid="fill"]');
    await popup.waitForSelector('li.code-row [data-testid="code"]');
    await popup.screenshot({ path: path.join(OUT, 'popup-fill-en.png') });
  } finally {
    await ext.close();
    await signIn.close();
  }
}
console.log(`Screenshots written to ${OUT}`);
