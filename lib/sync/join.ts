import { adoptableBackupKeySlots, mergeContents, type BackupContents } from '../backup';
import type { KdfParams, VaultContents } from '../vault';
import type { VaultWrite } from './vault-write';

/*
 * Joining the cloud's key (docs/backup-sync.md): the password was changed or the
 * vault re-keyed on another device, the user gave the password that opens the
 * backup, and this device continues with the backup's key and slots, its own
 * accounts merged in. One definition, used by the background's cloud.join and by
 * the multi-device simulation (tests/unit/sync/simulation).
 */

/** The backup as downloaded (its text and version) and as opened with the password. */
export interface OpenedDownload {
  text: string;
  eTag: string;
  contents: BackupContents;
  masterKey: Uint8Array;
}

/**
 * The vault write that joins `download` (callers hold the vault lock and pass it
 * to the one write path): contents merged, the backup's key and its slots —
 * authenticated by opening it, and never weaker than `minimumKdf` (default: the
 * defaults) — and backup on, current unless the merge left the cloud behind.
 */
export async function joinWrite(
  local: VaultContents,
  download: OpenedDownload,
  options: { now: number; minimumKdf?: Pick<KdfParams, 'memoryKiB' | 'iterations'> },
): Promise<VaultWrite> {
  const { merged, changes } = mergeContents(local, download.contents, { now: options.now });
  const keySlots = await adoptableBackupKeySlots(download.text, options.minimumKdf ? { minimumKdf: options.minimumKdf } : {});
  return {
    parts: { masterKey: download.masterKey, keySlots, contents: merged },
    cloud: changes.remoteOutdated ? { kind: 'behind' } : { kind: 'current', eTag: download.eTag },
    patch: { enabled: true, remote: { eTag: download.eTag }, problem: null, retry: null, pendingMerge: false },
  };
}
