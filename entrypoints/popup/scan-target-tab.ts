import { browser } from '../../components/extension-api';
import { TEST_HOOKS } from '../../lib/build-flags';

/**
 * The tab the popup is about ("Scan this page", this site's accounts): the active
 * tab of the popup's window. Test
 * builds only (lib/build-flags.ts) may name it in the URL (`popup.html?tab=<id>`): end-to-end tests
 * open the popup as a page, where the active tab would be the popup itself
 * (docs/page-scanning.md "Permissions").
 */
export async function scanTargetTab(): Promise<number | null> {
  if (TEST_HOOKS) {
    const named = Number(new URLSearchParams(location.search).get('tab'));
    if (Number.isInteger(named) && named > 0) return named;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
