import type { VaultContents } from '../vault/contents';
import { toBackupAccount } from './backup-account';
import type { BackupContents, BackupSource } from './contents';

/**
 * What a backup holds of the vault's contents (docs/backup-format.md): every
 * account as a backup account, the settings and tombstones, and the stamps the
 * merge needs, each only when the vault has it. `source` names the writer.
 */
export function backupContentsOf(contents: VaultContents, source: BackupSource): BackupContents {
  return {
    source,
    accounts: contents.accounts.map(toBackupAccount),
    settings: contents.settings,
    tombstones: contents.tombstones,
    ...(contents.orderModifiedAt === undefined ? {} : { orderModifiedAt: contents.orderModifiedAt }),
    ...(contents.settingsModifiedAt === undefined ? {} : { settingsModifiedAt: contents.settingsModifiedAt }),
    ...(contents.prunedBefore === undefined ? {} : { prunedBefore: contents.prunedBefore }),
  };
}
