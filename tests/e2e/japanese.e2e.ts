import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from '../../tools/browser/config';
import { launchWithExtension, type ExtensionBrowser } from '../../tools/browser/launch';
import { clickButton, fill, pageText, waitForText } from './harness/ui';

/* The UI speaks Japanese from the first screen when the browser does. */
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
});
