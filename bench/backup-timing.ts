import { contentsFromBackup, createBackup, openBackup, openBackupWithKey, vaultFileFromBackup } from '../lib/backup';
import type { Account } from '../lib/otp/account';
import { createVault, DEFAULT_SETTINGS } from '../lib/vault';
import { median } from './stats';

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

function accounts(count: number): Account[] {
  return Array.from({ length: count }, (_, i) => ({
    id: crypto.randomUUID(),
    issuer: `Service ${i}`,
    accountName: `user${i}@example.com`,
    secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    type: 'totp' as const,
    algorithm: 'SHA1' as const,
    digits: 6,
    period: 30,
    counter: 0,
    createdAt: 0,
    modifiedAt: 0,
  }));
}

export interface BackupFigures {
  accounts: number;
  /** Seal a backup with the session key (every upload). */
  createMs: number;
  /** Open with the key (the uploading device's merge). */
  openWithKeyMs: number;
  /** Restore on a new device: Argon2id + decrypt + new vault. */
  restoreMs: number;
  bytes: number;
}

/** Backup and restore of the lib/ code in Node (real Argon2id), median of `runs`. */
export async function measureBackup(count: number, runs: number): Promise<BackupFigures> {
  const password = 'benchmark password';
  const { file: vaultFile, masterKey } = await createVault(password, { accounts: accounts(count), settings: { ...DEFAULT_SETTINGS }, tombstones: [] }, { random });
  const contents = { accounts: accounts(count), settings: { ...DEFAULT_SETTINGS }, tombstones: [] };
  const create: number[] = [];
  const openKey: number[] = [];
  const restore: number[] = [];
  let text = '';
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    const backup = await createBackup({ contents, masterKey, vaultFile, device: { deviceName: 'Bench', browser: 'Node' }, now: Date.now() }, { random });
    text = JSON.stringify(backup);
    create.push(performance.now() - t);
    t = performance.now();
    await openBackupWithKey(text, masterKey);
    openKey.push(performance.now() - t);
    t = performance.now();
    const opened = await openBackup(text, password);
    await vaultFileFromBackup(text, opened.masterKey, contentsFromBackup(opened.contents), { random });
    restore.push(performance.now() - t);
  }
  return { accounts: count, createMs: median(create), openWithKeyMs: median(openKey), restoreMs: median(restore), bytes: text.length };
}
