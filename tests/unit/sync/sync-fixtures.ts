import { contentsFromBackup, openBackup, openBackupWithKey, vaultFileFromBackup, type BackupContents } from '../../../lib/backup';
import type { Account } from '../../../lib/otp/account';
import { queueBackup } from '../../../lib/sync/outbox';
import { syncNow } from '../../../lib/sync/sync-engine';
import type { SignedInAccount } from '../../../lib/auth/signed-in-account';
import type { SyncState } from '../../../lib/sync/sync-state';
import {
  createVault,
  createVaultWithSlots,
  keySlotsOf,
  DEFAULT_SETTINGS,
  deleteAccount,
  openVault,
  sealVault,
  type KdfParams,
  type VaultContents,
  type VaultFile,
} from '../../../lib/vault';
import { FakeDrive } from './fake-drive';
import { createFakeSyncPorts, T0, type FakeSyncPorts } from './fake-sync-ports';
import { testAccount } from '../support/test-account';

/*
 * Devices made of real vaults (real crypto, tiny Argon2id cost) and fake ports,
 * sharing one FakeDrive: what the tests of the sync engine start from.
 */

/** Tiny Argon2id cost so vaults are made in milliseconds (never use outside tests). */
export const FAST_KDF: KdfParams = { memoryKiB: 64, iterations: 1, parallelism: 1, testOnlyAllowWeak: true };
export const PASSWORD = 'correct horse battery staple';
export const ACCOUNT: SignedInAccount = { homeAccountId: '00000000-0000-0000-0000-000000000001.9188040d', username: 'user@example.com', name: 'Test User' };

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A fixed, distinct base32 secret per id (derived from the id's characters). */
export function secretFor(id: string): string {
  let n = [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  let secret = '';
  while (secret.length < 32) {
    n = (n * 1103515245 + 12345) >>> 0;
    secret += BASE32[n % 32];
  }
  return secret;
}

/** Account `id`: issuer "Issuer <id>", name "<id>@example.com", created and modified at T0 unless overridden. */
export function acc(id: string, overrides: Partial<Account> = {}): Account {
  return testAccount(id, secretFor(id), T0, overrides);
}

export function contentsOf(accounts: Account[]): VaultContents {
  return { accounts, settings: { ...DEFAULT_SETTINGS }, tombstones: [] };
}

export interface Device {
  name: string;
  ports: FakeSyncPorts;
  masterKey: Uint8Array;
}

/** Sorted account ids. */
export const idsOf = (contents: { accounts: { id: string }[] }) => contents.accounts.map((a) => a.id).sort();

/** A device with its own new vault (its own master key) holding `accounts`; backup on and signed in unless `state` says otherwise. */
export async function createDevice(
  drive: FakeDrive,
  options: { name: string; accounts: Account[]; seed?: number; state?: Partial<SyncState>; shareKeyWith?: { masterKey: Uint8Array; file: VaultFile } },
): Promise<Device> {
  const seed = options.seed ?? 1;
  const deps = { random: (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n)) };
  let file: VaultFile;
  let masterKey: Uint8Array;
  if (options.shareKeyWith) {
    masterKey = options.shareKeyWith.masterKey.slice();
    file = await createVaultWithSlots(keySlotsOf(options.shareKeyWith.file), masterKey, contentsOf(options.accounts), deps);
  } else {
    ({ file, masterKey } = await createVault(PASSWORD, contentsOf(options.accounts), deps, FAST_KDF));
  }
  const ports = createFakeSyncPorts({
    graph: () => drive.client(options.name),
    vault: file,
    masterKey,
    seed,
    state: { enabled: true, account: ACCOUNT, ...options.state },
    device: { deviceName: `Device ${options.name}`, browser: 'Test browser 1' },
  });
  return { name: options.name, ports, masterKey };
}

/** What the background's changeContents does: edit under the vault lock, seal, queue the backup, ONE write. */
export async function changeVault(ports: FakeSyncPorts, edit: (contents: VaultContents, now: number) => VaultContents): Promise<void> {
  await ports.exclusiveVault(async () => {
    const current = await ports.unlocked();
    if (!current) throw new Error('changeVault: the vault is locked');
    const contents = edit(await openVault(current.file, current.masterKey), ports.now());
    const sealed = await sealVault(current.file, current.masterKey, contents, { random: ports.random });
    const sync = await ports.readState();
    const next = sync.enabled
      ? await queueBackup(sync, { contents, masterKey: current.masterKey, vaultFile: sealed }, { now: ports.now(), random: ports.random, device: ports.device })
      : sync;
    await ports.writeVaultAndState(sealed, next);
  });
}

/** What "Cloud backup: on" does: queue a backup of the vault as it is. */
export async function queueCurrentVault(ports: FakeSyncPorts): Promise<void> {
  await changeVault(ports, (contents) => contents);
}

export const addAccount = (account: Account) => (c: VaultContents) => ({ ...c, accounts: [...c.accounts, account] });
export const editAccount = (id: string, patch: Partial<Account>) => (c: VaultContents, now: number) => ({
  ...c,
  accounts: c.accounts.map((a) => (a.id === id ? { ...a, ...patch, modifiedAt: now } : a)),
});
export const removeAccount = (id: string) => (c: VaultContents, now: number) => deleteAccount(c, id, now);

/** The device's vault contents, decrypted. */
export async function vaultOf(device: Device): Promise<VaultContents> {
  const file = device.ports.peekVault();
  if (!file) throw new Error(`device ${device.name} has no vault`);
  return openVault(file, device.masterKey);
}

/** The cloud file's contents, decrypted with `masterKey`. */
export async function cloudOf(drive: FakeDrive, masterKey: Uint8Array): Promise<BackupContents> {
  const file = drive.current;
  if (!file) throw new Error('the drive holds no file');
  return openBackupWithKey(file.text, masterKey);
}

/**
 * Device A backs up `accounts`; device B recovers that backup with the password
 * (same master key and slot). Both are then in sync with the cloud: same eTag
 * remembered, nothing pending. The drive's call log and A's counters are cleared.
 */
export async function devicesInSync(accounts: Account[]): Promise<{ drive: FakeDrive; a: Device; b: Device }> {
  const drive = new FakeDrive();
  const a = await createDevice(drive, { name: 'A', accounts, seed: 1 });
  await queueCurrentVault(a.ports);
  const afterUpload = await syncNow(a.ports);
  const cloud = drive.current;
  if (!cloud || afterUpload.outbox || afterUpload.remote?.eTag !== cloud.eTag) throw new Error('devicesInSync: device A did not upload');

  const { contents, masterKey } = await openBackup(cloud.text, PASSWORD);
  const deps = { random: (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n)) };
  const file = await vaultFileFromBackup(cloud.text, masterKey, contentsFromBackup(contents), deps, { minimumKdf: FAST_KDF });
  const ports = createFakeSyncPorts({
    graph: () => drive.client('B'),
    vault: file,
    masterKey,
    seed: 2,
    state: { enabled: true, account: ACCOUNT, remote: { eTag: cloud.eTag }, lastSuccessAt: T0 },
    device: { deviceName: 'Device B', browser: 'Test browser 2' },
  });
  drive.calls.length = 0;
  a.ports.resetCounters();
  return { drive, a, b: { name: 'B', ports, masterKey } };
}
