import type { Account } from '../../../lib/otp/account';
import { backupContentsOf, type BackupContents } from '../../../lib/backup';
import type { VaultContents } from '../../../lib/vault';
import { DEFAULT_SETTINGS } from '../../../lib/vault/settings';
import { testAccount } from '../support/test-account';

export const T0 = 1_700_000_000_000;
export const DAY = 86_400_000;

const SECRETS: Record<string, string> = {};
/** A fixed, distinct base32 secret per id. */
function secretFor(id: string): string {
  SECRETS[id] ??= [...`${id}SECRETKEYABCDEFGHIJKLMNOPQRSTUVWXYZ`.toUpperCase()].filter((c) => /[A-Z2-7]/.test(c)).slice(0, 16).join('').padEnd(16, 'A');
  return SECRETS[id];
}

/** Account `id` with a stable secret; `modifiedAt` defaults to T0. */
export function acc(id: string, overrides: Partial<Account> = {}): Account {
  return testAccount(id, secretFor(id), T0, overrides);
}

export function vault(accounts: Account[], extra: Partial<VaultContents> = {}): VaultContents {
  return { accounts, settings: { ...DEFAULT_SETTINGS }, tombstones: [], ...extra };
}

/** What another device's backup of `contents` decrypts to; `writtenAt` is that device's clock when it wrote it (default T0). */
export function remote(contents: VaultContents, writtenAt = T0): BackupContents {
  return backupContentsOf(contents, { deviceName: 'other', browser: 'Chrome 156', createdAt: writtenAt });
}
