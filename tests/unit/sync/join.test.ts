import { describe, expect, it } from 'vitest';
import { createBackup, openBackup } from '../../../lib/backup';
import { joinWrite } from '../../../lib/sync/join';
import { createVault, type VaultContents } from '../../../lib/vault';
import { acc, contentsOf, FAST_KDF, PASSWORD } from './sync-fixtures';

const deps = { random: (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n)) };
const NOW = Date.UTC(2026, 11, 5);

/** A backup of `accounts` under its own key and PASSWORD, downloaded as version "e1" and opened. */
async function download(accounts: ReturnType<typeof acc>[]) {
  const { file, masterKey } = await createVault(PASSWORD, contentsOf(accounts), deps, FAST_KDF);
  const text = JSON.stringify(await createBackup({ contents: contentsOf(accounts), masterKey, vaultFile: file, device: { deviceName: 'B', browser: 'Firefox 140' }, now: NOW }, deps));
  const opened = await openBackup(text, PASSWORD);
  return { text, eTag: 'e1', ...opened };
}

describe('joinWrite (cloud.join and the simulation)', () => {
  it.each<[string, string[], string[], 'current' | 'behind']>([
    ['the same accounts: nothing to upload', ['a', 'b'], ['a', 'b'], 'current'],
    ['only the cloud has one: taken, nothing to upload', ['a'], ['a', 'b'], 'current'],
    ['this device has one the cloud lacks: the cloud is behind', ['a', 'c'], ['a'], 'behind'],
  ])('%s', async (_what, localIds, remoteIds, cloud) => {
    const local: VaultContents = contentsOf(localIds.map((id) => acc(id)));
    const remote = await download(remoteIds.map((id) => acc(id)));
    const write = await joinWrite(local, remote, { now: NOW, minimumKdf: FAST_KDF });
    expect(write.parts.masterKey).toEqual(remote.masterKey);
    expect(write.parts.contents.accounts.map((a) => a.id).sort()).toEqual([...new Set([...localIds, ...remoteIds])].sort());
    expect(write.cloud).toEqual(cloud === 'current' ? { kind: 'current', eTag: 'e1' } : { kind: 'behind' });
    expect(write.patch).toEqual({ enabled: true, remote: { eTag: 'e1' }, problem: null, retry: null, pendingMerge: false });
  });

  it('refuses a backup whose slots are weaker than the defaults (never adopted)', async () => {
    const remote = await download([acc('a')]);
    await expect(joinWrite(contentsOf([]), remote, { now: NOW })).rejects.toMatchObject({ name: 'BackupDamagedError' });
  });
});
