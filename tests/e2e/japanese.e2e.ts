import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from '../../tools/browser/config';
import { launchWithExtension, type ExtensionBrowser } from '../../tools/browser/launch';
import { axeViolations } from './harness/axe';
import { sendFromPage as send } from './harness/messages';
import { clickButton, fieldError, fill, pageText, waitFor, waitForText } from './harness/ui';

/*
 * The UI speaks Japanese from the first screen when the browser does: first run,
 * forms (every error at its field at once, the same-name warning), the backup
 * suggestion, and the popup's display (pin, hidden codes, the copy hint). axe on
 * the Japanese error and popup states.
 */
describe.each(BROWSERS)('Japanese UI in %s', (kind) => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchWithExtension(kind, { lang: 'ja' });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('first run, errors, the empty list and the options page are in Japanese', async () => {
    const popup = await ext.open('popup.html');
    await waitForText(popup, 'アカウントを保護する');
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('ja');
    expect(await pageText(popup)).toContain('回復の開始');
    await fill(popup, 'new-password', 'パスワード');
    await fill(popup, 'confirm-password', 'パスワード');
    await clickButton(popup, 'パスワードを設定');
    await waitForText(popup, '8 文字以上を使用してください。');
    await fill(popup, 'new-password', 'にほんごのパスワードです');
    await fill(popup, 'confirm-password', 'にほんごのパスワードです');
    await clickButton(popup, 'パスワードを設定');
    await waitForText(popup, 'アカウントはまだありません。');
    await popup.close();

    const options = await ext.open('options.html#add');
    await waitForText(options, 'キーを手動で入力');
    await fill(options, 'accountName', 'taro');
    await fill(options, 'secret', '0000');
    await clickButton(options, 'アカウントの追加', { within: (await options.$('[data-testid="manual-form"]'))! });
    await waitForText(options, '秘密鍵: 有効なキーではありません。');
    await options.close();
  });

  it('forms: every error at its field at once, the first focused; the same issuer and name is a warning', async () => {
    const options = await ext.open('options.html#add');
    await waitForText(options, 'キーを手動で入力');
    await fill(options, 'issuer', 'テスト銀行');
    await fill(options, 'accountName', '太郎');
    await options.click('[data-testid="manual-form"] details summary');
    await fill(options, 'digits', '12');
    await clickButton(options, 'アカウントの追加', { within: (await options.$('[data-testid="manual-form"]'))! });
    expect(await fieldError(options, 'secret')).toBe('秘密鍵: 入力が必要です。');
    expect(await fieldError(options, 'digits')).toBe('桁数: 6 から 10 までの整数を入力してください。');
    await waitFor(options, () => document.activeElement?.getAttribute('name') === 'secret', { what: 'focus on the first error' });
    expect(await axeViolations(options)).toEqual([]);
    await fill(options, 'secret', 'JBSWY3DPEHPK3PXP');
    await fill(options, 'digits', '6');
    await clickButton(options, 'アカウントの追加', { within: (await options.$('[data-testid="manual-form"]'))! });
    await waitForText(options, 'テスト銀行 を追加しました。');
    // The same issuer and name again, with another key: a warning naming the account, then "Add anyway".
    await fill(options, 'issuer', 'テスト銀行');
    await fill(options, 'accountName', '太郎');
    await fill(options, 'secret', 'GEZDGNBVGY3TQOJQ');
    await clickButton(options, 'アカウントの追加', { within: (await options.$('[data-testid="manual-form"]'))! });
    await waitForText(options, 'テスト銀行 — 太郎 は既に登録されています。同じ発行者と名前のアカウントをもう 1 つ追加しますか？');
    expect(await axeViolations(options)).toEqual([]);
    await clickButton(options, 'それでも追加');
    await waitFor(options, () => document.querySelector('[data-testid="same-name-warning"]') === null, { what: 'added anyway' });
    await options.evaluate(() => (location.hash = 'accounts'));
    await waitFor(options, () => document.querySelectorAll('[data-testid="account-item"]').length === 2, { what: 'two accounts' });
    // The backup suggestion, in Japanese.
    await waitForText(options, 'アカウントをバックアップ');
    await options.close();
  });

  it('the popup: the copy hint, pin, hidden codes and "Show codes" in Japanese', async () => {
    const settings = await ext.open('options.html');
    expect((await send(settings, 'display.update', { hideCodes: true })).ok).toBe(true);
    await settings.close();
    const popup = await ext.open('popup.html');
    await waitFor(popup, () => document.querySelectorAll('li.code-row [data-testid="code-mask"]').length === 2, { what: 'masked codes' });
    const row = await popup.$eval('li.code-row', (r) => ({
      hint: document.getElementById(r.querySelector('[data-testid="code-button"]')!.getAttribute('aria-describedby')!)?.textContent,
      pin: r.querySelector('[data-testid="pin"]')!.getAttribute('aria-label'),
      mask: r.querySelector('[data-testid="code-mask"]')!.textContent,
    }));
    expect(row).toEqual({ hint: 'クリックまたは Enter キーでコードをコピーします。右矢印キーで固定ボタンに移動します。', pin: 'テスト銀行 を先頭に固定', mask: '••• •••' });
    expect(await popup.$eval('[data-testid="show-codes"]', (b) => b.getAttribute('aria-label'))).toBe('コードを表示');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.click('[data-testid="show-codes"]');
    await waitFor(popup, () => document.querySelector('[data-testid="show-codes"]')?.getAttribute('aria-pressed') === 'true', { what: 'codes shown' });
    await popup.close();
  });
});
