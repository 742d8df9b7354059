import { browser } from 'wxt/browser';
import { cloudStatus } from '../../lib/sync/cloud-status';
import type { SyncState } from '../../lib/sync/sync-state';

/**
 * The toolbar badge: a red "!" whenever the cloud is behind this device (the
 * article's red dot), nothing otherwise. Derived from the stored state each time
 * it changes, never stored itself.
 */
export async function showCloudBadge(state: SyncState, nowMs: number): Promise<void> {
  const { behind } = cloudStatus(state, nowMs);
  await browser.action.setBadgeText({ text: behind ? '!' : '' });
  if (behind) await browser.action.setBadgeBackgroundColor({ color: '#d93025' });
  const name = browser.i18n.getMessage('extName');
  await browser.action.setTitle({ title: behind ? `${name} — ${browser.i18n.getMessage('backupBehindTitle')}` : name });
}
