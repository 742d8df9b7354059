import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { ROOT } from './browser/config';
import { launchWithExtension } from './browser/launch';

/*
 * Regenerates the README's screenshots from the built extension
 * (`npm run build:test && npx tsx tools/screenshots.ts`).
 */

const OUT = path.join(ROOT, 'docs/screenshots');
const ACCOUNTS = [
  'otpauth://totp/GitHub:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub',
  'otpauth://totp/Microsoft:alice%40outlook.com?secret=KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF&issuer=Microsoft',
  'otpauth://totp/%E3%83%86%E3%82%B9%E3%83%88%E9%8A%80%E8%A1%8C:%E5%A4%AA%E9%83%8E?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=%E3%83%86%E3%82%B9%E3%83%88%E9%8A%80%E8%A1%8C&digits=8',
  'otpauth://hotp/Bank:bob?secret=KRUGS4ZANFZSAYJAORSXG5BAONSWG4TFOQ&issuer=Bank&counter=5',
  'otpauth://steam/Steam:gamer?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&issuer=Steam',
];

const send = (page: Page, type: string, payload: unknown) =>
  page.evaluate(
    (t, p) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: t, payload: p }),
    type,
    payload as never,
  );

for (const lang of ['en', 'ja'] as const) {
  const ext = await launchWithExtension('chromium', { lang });
  const setup = await ext.open('options.html');
  await send(setup, 'vault.create', { password: 'screenshot password' });
  for (const uri of ACCOUNTS) await send(setup, 'accounts.add', { uri });

  const popup = await ext.open('popup.html');
  await popup.setViewport({ width: 360, height: 420 });
  await popup.waitForSelector('li.code-row');
  await popup.screenshot({ path: path.join(OUT, `popup-${lang}.png`) });

  const options = await ext.open('options.html#accounts');
  await options.setViewport({ width: 1100, height: 560 });
  await options.waitForSelector('[data-testid="account-item"]');
  await options.screenshot({ path: path.join(OUT, `options-accounts-${lang}.png`) });
  if (lang === 'en') {
    await options.evaluate(() => (location.hash = 'add'));
    await options.waitForSelector('[data-testid="manual-form"]');
    await options.setViewport({ width: 1100, height: 760 });
    await options.screenshot({ path: path.join(OUT, 'options-add-en.png') });
    const fresh = await launchWithExtension('chromium', { lang });
    const first = await fresh.open('popup.html');
    await first.setViewport({ width: 360, height: 420 });
    await first.screenshot({ path: path.join(OUT, 'first-run-en.png') });
    await fresh.close();
  }
  await ext.close();
}
console.log(`Screenshots written to ${OUT}`);
