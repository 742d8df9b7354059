import type { Account } from '../../../lib/otp/account';
import { toBackupAccount, type BackupContents } from '../../../lib/backup';
import type { VaultContents } from '../../../lib/vault';
import { DEFAULT_SETTINGS } from '../../../lib/vault/settings';

export const T0 = 1_700_000_000_000;
export const DAY = 86_400_000;

const SECRETS: Record<string, string> = {};
/** A fixed, distinct base32 secret per id. */
function secretFor(id: string): string {
  SECRETS[id] ??= [...`${id}SECRETKEYABCDEFGHIJKLMNOPQRSTUVWXYZ`.toUpperCase()].filter((c) => /[A-Z2-7]/.test(c)).slice(0, 16).join('').padEnd(16, 'A');
  return SECRETS[id] as string;
}

/** Account `id` with a stable secret; `modifiedAt` defaults to T0. */
export function acc(id: string, overrides: Partial<Account> = {}): Account {
  return {
    id,
    issuer: `Issuer ${id}`,
    accountName: `${id}@example.com`,
    secret: secretFor(id),
    type: 'totp',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    createdAt: T0,
    modifiedAt: T0,
    ...overrides,
  };
}

export function vault(accounts: Account[], extra: Partial<VaultContents> = {}): VaultContents {
  return { accounts, settings: { ...DEFAULT_SETTINGS }, tombstones: [], ...extra };
}

/** What another device's backup of `contents` decrypts to; `writtenAt` is that device's clock when it wrote it (default T0). */
export function remote(contents: VaultContents, writtenAt = T0): BackupContents {
  return {
    source: { deviceName: 'other', browser: 'Chrome 156', createdAt: writtenAt },
    accounts: contents.accounts.map(toBackupAccount),
    settings: contents.settings,
    tombstones: contents.tombstones,
    ...(contents.orderModifiedAt === undefined ? {} : { orderModifiedAt: contents.orderModifiedAt }),
    ...(contents.settingsModifiedAt === undefined ? {} : { settingsModifiedAt: contents.settingsModifiedAt }),
    ...(contents.prunedBefore === undefined ? {} : { prunedBefore: contents.prunedBefore }),
  };
}
