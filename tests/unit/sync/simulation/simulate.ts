import { accountsFromBackup, applyRestore, contentsFromBackup, openBackup, openBackupWithKey, vaultFileFromBackup } from '../../../../lib/backup';
import { GraphNetworkError, GraphPreconditionFailedError, GraphThrottledError, GraphUnauthorizedError, type GraphClient } from '../../../../lib/graph';
import type { Account } from '../../../../lib/otp/account';
import { generateCode } from '../../../../lib/otp/code';
import { queueBackup } from '../../../../lib/sync/outbox';
import { syncNow } from '../../../../lib/sync/sync-engine';
import type { SyncPorts } from '../../../../lib/sync/sync-ports';
import { commitVault } from '../../../../lib/sync/vault-write';
import { joinWrite } from '../../../../lib/sync/join';
import {
  compareKeySlots,
  createVault,
  deleteAccount,
  keySlotsOf,
  nextStamp,
  openVault,
  rekeyedSlots,
  reorderAccounts,
  sealVault,
  sealVaultParts,
  withNewPassword,
  WrongPasswordError,
  type KeySlots,
  type VaultContents,
  type VaultFile,
} from '../../../../lib/vault';
import { FakeDrive } from '../fake-drive';
import { createFakeSyncPorts, T0, type FakeSyncPorts } from '../fake-sync-ports';
import { ACCOUNT, acc, contentsOf, FAST_KDF, PASSWORD } from '../sync-fixtures';
import { prng } from '../../support/prng';

/*
 * A seeded randomized simulation of 2–3 devices backing up to one OneDrive file
 * through the REAL lib/sync + lib/backup (issue 9, "Prove it"). Each round:
 * random adds, renames, deletes, reorders, restores, HOTP counters advanced,
 * password changes and re-keys (a new master key: the other devices meet a
 * backup they cannot open and join it with the new password) on
 * devices whose clocks are up to ±24 h off; Graph answers 412/429/503/401,
 * timeouts and dropped answers; and workers killed at a random await of the
 * write path (the port call never happens, or happens and its answer is lost),
 * then restarted from what was stored. After the faults stop, every device
 * syncs until quiet, and the invariants are checked against an oracle.
 *
 * The oracle: every landed change of an account is recorded with the stamp it
 * wrote. The merge is last-writer-wins on those stamps, and the stamps are a
 * hybrid logical clock, so a change made after seeing another is stamped above
 * it: the account must end up as the change with the highest stamp says —
 * present with that edit, or deleted. Present when it should be deleted is a
 * resurrection; absent when it should be present is a loss.
 */

export type FaultKind = '412' | '429' | '503' | '401' | 'timeout' | 'dropped-answer';
export const FAULT_KINDS: readonly FaultKind[] = ['412', '429', '503', '401', 'timeout', 'dropped-answer'];

export interface RoundReport {
  seed: number;
  devices: number;
  steps: number;
  faults: Record<FaultKind, number>;
  kills: number;
  accountsChecked: number;
  lost: string[];
  resurrected: string[];
  /** Re-keys that landed (a new master key and password). */
  rekeys: number;
  /** Devices that met a backup of another key and joined it with its password. */
  joins: number;
  /** HOTP counter advances that landed. */
  hotpAdvances: number;
  /** A device's stored HOTP counter lower than it was before, or a final counter below one that landed. */
  counterRegressions: string[];
  /** Other broken invariants (divergence, a vault or the cloud that does not open, codes that differ, a wrong password accepted). */
  failures: string[];
}

const HOUR = 3_600_000;

class Killed extends Error {
  override readonly name = 'Killed';
}

/** One lifetime of a device's background worker: every port call is an await where it may die. */
interface Worker {
  ports: SyncPorts;
  dead: boolean;
  /** The last vault file whose write landed (a kill right after the write still leaves it stored). */
  lastWritten: unknown;
}

interface Device {
  name: string;
  base: FakeSyncPorts;
  skew: number;
  worker: Worker;
}

/** A change the oracle knows landed: the stamp written and what it left. */
interface Change {
  stamp: number;
  alive: boolean;
  issuer?: string;
}

/** What a vault change writes: new contents, and for a password change or re-key the new slots (and key). */
interface Edit {
  contents: VaultContents;
  keySlots?: KeySlots;
  masterKey?: Uint8Array;
}

export async function runRound(seed: number, options: { steps?: number } = {}): Promise<RoundReport> {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;
  const steps = options.steps ?? 24;
  const report: RoundReport = {
    seed,
    devices: 0,
    steps,
    faults: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>,
    kills: 0,
    accountsChecked: 0,
    lost: [],
    resurrected: [],
    rekeys: 0,
    joins: 0,
    hotpAdvances: 0,
    counterRegressions: [],
    failures: [],
  };
  const drive = new FakeDrive();
  let real = T0;
  let faultsOn = false;
  let nextId = 0;
  const changes = new Map<string, Change[]>();
  const deletedAccounts = new Map<string, Account>();
  const passwords: { password: string; keySlots: KeySlots }[] = [];

  /** The highest HOTP counter that landed anywhere, and the highest each device stored (`device/id`). */
  const highestCounter = new Map<string, number>();
  const seenCounter = new Map<string, number>();
  const land = (id: string, change: Change) => changes.set(id, [...(changes.get(id) ?? []), change]);

  /** A Graph client that injects faults while they are on, and may die with its worker. */
  function faultyGraph(inner: GraphClient, checkpoint: () => void): GraphClient {
    const call = async <T>(op: 'getMetadata' | 'download' | 'upload' | 'remove' | 'me', run: () => Promise<T>): Promise<T> => {
      checkpoint();
      if (faultsOn && chance(0.18)) {
        const kind = pick(op === 'upload' ? FAULT_KINDS : FAULT_KINDS.filter((k) => k !== '412'));
        report.faults[kind] += 1;
        switch (kind) {
          case '412':
            throw new GraphPreconditionFailedError('Injected 412.', { status: 412, code: 'resourceModified' });
          case '429':
            // Sometimes an absurd Retry-After: the cap keeps the retry within the hour.
            throw new GraphThrottledError('Injected 429.', { status: 429, code: 'TooManyRequests', retryAfterSeconds: pick([1, 30, 9_999_999_999]) });
          case '503':
            throw new GraphThrottledError('Injected 503.', { status: 503, code: 'serviceNotAvailable' });
          case '401':
            throw new GraphUnauthorizedError('Injected 401.', { status: 401, code: 'InvalidAuthenticationToken' });
          case 'timeout':
            throw new GraphNetworkError('Injected timeout.', { status: 0, code: 'timeout' });
          case 'dropped-answer':
            // The request reached OneDrive and took effect; its answer never came back.
            await run();
            throw new GraphNetworkError('Injected dropped answer.', { status: 0, code: 'networkError' });
        }
      }
      const result = await run();
      checkpoint();
      return result;
    };
    return {
      getMetadata: () => call('getMetadata', () => inner.getMetadata()),
      download: () => call('download', () => inner.download()),
      upload: (text, condition) => call('upload', () => inner.upload(text, condition)),
      remove: (condition) => call('remove', () => inner.remove(condition)),
      me: () => call('me', () => inner.me()),
    };
  }

  /** A fresh worker over the device's stored state; `killAt` arms a kill at that many awaits from now. */
  function startWorker(device: { name: string; base: FakeSyncPorts }, killAt: number | null): Worker {
    let awaits = 0;
    const worker: Worker = { dead: false, lastWritten: null, ports: undefined as unknown as SyncPorts };
    const checkpoint = () => {
      if (worker.dead) throw new Killed('the worker is dead');
      awaits += 1;
      if (killAt !== null && awaits === killAt) {
        worker.dead = true;
        report.kills += 1;
        throw new Killed(`killed at await ${awaits}`);
      }
    };
    const guard = async <T>(run: () => Promise<T>): Promise<T> => {
      checkpoint();
      const result = await run();
      checkpoint();
      return result;
    };
    const base = device.base;
    worker.ports = {
      now: () => base.now(),
      random: (n) => base.random(n),
      jitter: () => base.jitter(),
      device: base.device,
      readState: () => guard(() => base.readState()),
      writeState: (state) => guard(() => base.writeState(state)),
      writeVaultAndState: (file, state) =>
        guard(async () => {
          await base.writeVaultAndState(file, state);
          worker.lastWritten = file;
        }),
      unlocked: () => guard(() => base.unlocked()),
      // Web Locks are released when the worker dies: a task that throws releases it here too.
      exclusiveVault: (task) => base.exclusiveVault(task),
      graph: () => faultyGraph(drive.client(device.name), checkpoint),
      scheduleRetry: (atMs) => guard(() => base.scheduleRetry(atMs)),
    };
    return worker;
  }

  const at = (device: Device) => device.base.setNow(real + device.skew);

  /** A vault change as the background makes it: under the lock, ONE write of the vault and its pending upload. */
  async function change(
    device: Device,
    edit: (contents: VaultContents, now: number, current: { file: VaultFile; masterKey: Uint8Array }) => Edit | null | Promise<Edit | null>,
  ): Promise<boolean> {
    const worker = device.worker;
    const ports = worker.ports;
    let sealedFile: unknown = undefined;
    return ports.exclusiveVault(async () => {
      const current = await ports.unlocked();
      if (!current) return false;
      const before = await openVault(current.file, current.masterKey);
      const edited = await edit(before, ports.now(), current);
      if (!edited) return false;
      const deps = { random: ports.random };
      const masterKey = edited.masterKey ?? current.masterKey;
      const sealed = edited.keySlots
        ? await sealVaultParts({ masterKey, keySlots: edited.keySlots, contents: edited.contents }, deps)
        : await sealVault(current.file, current.masterKey, edited.contents, deps);
      sealedFile = sealed;
      const sync = await ports.readState();
      const queued = await queueBackup(sync, { contents: edited.contents, masterKey, vaultFile: sealed }, { now: ports.now(), random: ports.random, device: ports.device });
      await ports.writeVaultAndState(sealed, queued);
      return true;
    }).catch((error: unknown) => {
      // Killed: the change landed exactly when its one write did.
      if (error instanceof Killed) return sealedFile !== undefined && worker.lastWritten === sealedFile;
      throw error;
    });
  }

  /** One random user action on `device`; records what landed. */
  async function act(device: Device): Promise<void> {
    const roll = random();
    let landed: { id: string; change: Change } | null = null;
    const done = await change(device, (contents, now) => {
      const ids = contents.accounts.map((a) => a.id);
      if (roll < 0.25 || ids.length === 0) {
        const id = `acct-${seed}-${nextId++}`;
        const stamp = nextStamp(contents, now);
        const account = acc(id, { issuer: `Issuer ${id}`, createdAt: now, modifiedAt: stamp });
        landed = { id, change: { stamp, alive: true, issuer: account.issuer } };
        return { contents: { ...contents, accounts: [...contents.accounts, account] } };
      }
      if (roll < 0.55) {
        const id = pick(ids);
        const stamp = nextStamp(contents, now);
        const issuer = `Renamed ${Math.floor(random() * 1e9)}`;
        landed = { id, change: { stamp, alive: true, issuer } };
        return { contents: { ...contents, accounts: contents.accounts.map((a) => (a.id === id ? { ...a, issuer, modifiedAt: stamp } : a)) } };
      }
      const deletable = contents.accounts.filter((a) => a.type !== 'hotp').map((a) => a.id);
      if (roll < 0.75 && deletable.length > 0) {
        const id = pick(deletable);
        const next = deleteAccount(contents, id, now);
        deletedAccounts.set(id, contents.accounts.find((a) => a.id === id) as Account);
        landed = { id, change: { stamp: next.tombstones.find((t) => t.id === id)?.deletedAt as number, alive: false } };
        return { contents: next };
      }
      if (roll < 0.85) {
        const order = [...ids].sort(() => random() - 0.5);
        return { contents: reorderAccounts(contents, order, now) };
      }
      // Restore (or undo) an account deleted somewhere, when this device no longer has it.
      const candidates = [...deletedAccounts.values()].filter((a) => !ids.includes(a.id));
      if (candidates.length === 0) return null;
      const account = pick(candidates);
      const next = applyRestore(contents, [account], { now, newId: () => `never-${account.id}` });
      const restored = next.accounts.find((a) => a.id === account.id) as Account;
      landed = { id: account.id, change: { stamp: restored.modifiedAt, alive: true, issuer: restored.issuer } };
      return { contents: next };
    });
    const result = landed as { id: string; change: Change } | null;
    if (done && result) land(result.id, result.change);
  }

  /** A password change on `device` through the vault's API: a new slot list, sealed with the contents in one write. */
  async function changePassword(device: Device): Promise<void> {
    const ports = device.worker.ports;
    const password = `password ${seed}-${passwords.length}-${Math.floor(random() * 1e6)}`;
    let keySlots: KeySlots | null = null;
    // Under the lock, from the stored slots and key (a join may have replaced both meanwhile).
    const done = await change(device, async (contents, _now, current) => {
      keySlots = await withNewPassword(keySlotsOf(current.file), current.masterKey, password, { random: ports.random }, FAST_KDF);
      return { contents, keySlots };
    });
    if (done && keySlots) passwords.push({ password, keySlots });
  }

  /**
   * "Change password and re-key" (vault.rekey): a backup pass first, then a new
   * master key and one new slot, sealed with the contents in one write; the
   * session keeps the replaced key until lock (another device's upload sealed
   * with it before it saw the re-key still merges).
   */
  async function rekey(device: Device): Promise<void> {
    await sync(device);
    restartIfDead(device);
    const ports = device.worker.ports;
    const password = `rekeyed ${seed}-${passwords.length}-${Math.floor(random() * 1e6)}`;
    let result: { masterKey: Uint8Array; keySlots: KeySlots; replaced: Uint8Array } | null = null;
    const done = await change(device, async (contents, _now, current) => {
      const made = await rekeyedSlots(keySlotsOf(current.file), password, { random: ports.random }, FAST_KDF);
      result = { ...made, replaced: current.masterKey };
      return { contents, keySlots: made.keySlots, masterKey: made.masterKey };
    });
    const made = result as { masterKey: Uint8Array; keySlots: KeySlots; replaced: Uint8Array } | null;
    if (!done || !made) return;
    passwords.push({ password, keySlots: made.keySlots });
    report.rekeys += 1;
    // The session moves to the new key with the write (a worker killed in between: the user unlocks with the new password).
    device.base.sessionKey = made.masterKey;
    device.base.previousSessionKey = device.worker.dead ? null : made.replaced;
  }

  /**
   * The user answers "The password was changed in … — enter it" (cloud.join): the
   * backup opened with the password that opens it, merged into this vault, and
   * this device continues with the backup's key and slots — as the background's
   * cloud.join handler does it, through the one write path.
   */
  async function joinIfAsked(device: Device): Promise<void> {
    if (device.base.peekState().problem?.code !== 'needs-password') return;
    const ports = device.worker.ports;
    try {
      const download = await ports.graph(ACCOUNT).download();
      let opened: Awaited<ReturnType<typeof openBackup>> | null = null;
      for (const candidate of [...passwords].reverse()) {
        opened = await openBackup(download.text, candidate.password).catch((error: unknown) => {
          if (error instanceof WrongPasswordError) return null;
          throw error;
        });
        if (opened) break;
      }
      if (!opened) {
        report.failures.push(`device ${device.name} was asked for a password no one set`);
        return;
      }
      const { contents: remote, masterKey } = opened;
      await ports.exclusiveVault(async () => {
        const current = await ports.unlocked();
        if (!current) return;
        const local = await openVault(current.file, current.masterKey);
        // The background's own join (lib/sync/join.ts), with the tests' fast KDF as the floor.
        const joined = await joinWrite(local, { text: download.text, eTag: download.file.eTag, contents: remote, masterKey }, { now: ports.now(), minimumKdf: FAST_KDF });
        await commitVault(ports, joined);
        device.base.sessionKey = masterKey;
        device.base.previousSessionKey = null;
        report.joins += 1;
      });
    } catch (error) {
      if (!(error instanceof Killed) && !(error instanceof Error && error.name.startsWith('Graph'))) throw error;
    }
  }

  /** An HOTP code used on `device` (a copy or a fill): its counter advanced, stamped like any edit. */
  async function advanceHotp(device: Device): Promise<void> {
    let landed: { id: string; counter: number; change: Change } | null = null;
    const done = await change(device, (contents, now) => {
      const hotp = contents.accounts.find((a) => a.type === 'hotp');
      if (!hotp) return null;
      const stamp = nextStamp(contents, now);
      landed = { id: hotp.id, counter: hotp.counter + 1, change: { stamp, alive: true, issuer: hotp.issuer } };
      return { contents: { ...contents, accounts: contents.accounts.map((a) => (a.id === hotp.id ? { ...a, counter: a.counter + 1, modifiedAt: stamp } : a)) } };
    });
    const result = landed as { id: string; counter: number; change: Change } | null;
    if (!done || !result) return;
    land(result.id, result.change);
    report.hotpAdvances += 1;
    highestCounter.set(result.id, Math.max(highestCounter.get(result.id) ?? 0, result.counter));
  }

  /** Each device's stored HOTP counters never go below what that device stored before. */
  async function checkCounters(): Promise<void> {
    for (const device of devices) {
      const file = device.base.peekVault();
      const key = device.base.sessionKey;
      if (!file || !key) continue;
      const contents = await openVault(file, key).catch(() => null);
      if (!contents) continue;
      for (const account of contents.accounts) {
        if (account.type !== 'hotp') continue;
        const seenKey = `${device.name}/${account.id}`;
        const before = seenCounter.get(seenKey) ?? 0;
        if (account.counter < before) report.counterRegressions.push(`${seenKey}: ${before} → ${account.counter}`);
        seenCounter.set(seenKey, Math.max(before, account.counter));
      }
    }
  }

  async function sync(device: Device): Promise<void> {
    try {
      await syncNow(device.worker.ports, { force: true });
    } catch (error) {
      if (!(error instanceof Killed)) throw error;
    }
  }

  /** Restarts a dead worker from what its device stored (the session key survives, as storage.session does). */
  function restartIfDead(device: Device): void {
    if (device.worker.dead) device.worker = startWorker(device, null);
  }

  // --- Set-up: device A backs up, the others recover that backup with the password (no faults yet).
  const count = chance(0.5) ? 2 : 3;
  report.devices = count;
  const seeded = createFakeSyncPorts({ graph: () => drive.client('setup'), seed: seed * 7 + 1 });
  const hotpId = `acct-${seed}-h`;
  const first = await createVault(PASSWORD, contentsOf([acc(`acct-${seed}-a`), acc(`acct-${seed}-b`), acc(hotpId, { type: 'hotp', counter: 0 })]), { random: seeded.random }, FAST_KDF);
  for (const id of [`acct-${seed}-a`, `acct-${seed}-b`, hotpId]) land(id, { stamp: T0, alive: true, issuer: `Issuer ${id}` });
  passwords.push({ password: PASSWORD, keySlots: keySlotsOf(first.file) });
  const devices: Device[] = [];
  for (let i = 0; i < count; i++) {
    const name = String.fromCharCode(65 + i);
    const skew = Math.round((random() * 2 - 1) * 24 * HOUR);
    const base = createFakeSyncPorts({
      graph: () => drive.client(name),
      vault: i === 0 ? first.file : null,
      masterKey: first.masterKey,
      seed: seed * 7 + 2 + i,
      nowMs: real + skew,
      state: { enabled: true, account: ACCOUNT },
      device: { deviceName: `Device ${name}`, browser: 'Simulated browser 1' },
    });
    const device: Device = { name, base, skew, worker: undefined as unknown as Worker };
    device.worker = startWorker(device, null);
    if (i === 0) {
      await change(device, (contents) => ({ contents }));
      await sync(device);
    } else {
      const cloud = drive.current;
      if (!cloud) throw new Error('set-up: device A did not upload');
      const { contents, masterKey } = await openBackup(cloud.text, PASSWORD);
      base.setVault(await vaultFileFromBackup(cloud.text, masterKey, contentsFromBackup(contents), { random: base.random }, { minimumKdf: FAST_KDF }));
      base.setState({ ...base.peekState(), remote: { eTag: cloud.eTag }, lastSuccessAt: real });
    }
    devices.push(device);
  }

  // --- The storm.
  faultsOn = true;
  for (let step = 0; step < steps; step++) {
    real += Math.floor(random() * 2 * HOUR);
    const device = pick(devices);
    at(device);
    restartIfDead(device);
    if (chance(0.25)) device.worker = startWorker(device, 1 + Math.floor(random() * 14));
    const roll = random();
    if (roll < 0.04) await changePassword(device);
    else if (roll < 0.08) await rekey(device);
    else if (roll < 0.2) await advanceHotp(device);
    else if (roll < 0.25) await Promise.all([advanceHotp(device), sync(device)]);
    else if (roll < 0.55) await act(device);
    else if (roll < 0.7) await Promise.all([act(device), sync(device)]);
    else await sync(device);
    restartIfDead(device);
    // The user does not always answer "enter the new password" at once.
    if (chance(0.5)) {
      await joinIfAsked(device);
      restartIfDead(device);
    }
    await checkCounters();
  }

  // --- Convergence: no more faults or kills; every device syncs in turn until all are quiet.
  faultsOn = false;
  for (const device of devices) device.worker = startWorker(device, null);
  for (let pass = 0; pass < 12; pass++) {
    real += 10 * 60_000;
    for (const device of devices) {
      at(device);
      await joinIfAsked(device);
      await sync(device);
    }
    const cloud = drive.current;
    const quiet = devices.every((d) => {
      const state = d.base.peekState();
      return !state.outbox && !state.problem && !state.pendingMerge && state.remote?.eTag === cloud?.eTag;
    });
    if (quiet) break;
    if (pass === 11) report.failures.push(`no convergence after 12 passes: ${devices.map((d) => `${d.name}: ${JSON.stringify({ ...d.base.peekState(), outbox: d.base.peekState().outbox ? 'pending' : null })}`).join(' | ')}`);
  }

  // --- Invariants.
  const cloud = drive.current;
  if (!cloud) {
    report.failures.push('the cloud holds no backup');
    return report;
  }
  // The cloud opens with exactly one password ever set. Without a re-key (one key
  // lineage) it is the newest slot list that landed anywhere, the rule every device applies.
  let newest = passwords[0] as { password: string; keySlots: KeySlots };
  for (const candidate of passwords.slice(1)) if ((await compareKeySlots(candidate.keySlots, newest.keySlots)) > 0) newest = candidate;
  const opening: string[] = [];
  let cloudAccounts: Account[] = [];
  let cloudTombstones: { id: string; deletedAt: number }[] = [];
  for (const candidate of passwords) {
    const opened = await openBackup(cloud.text, candidate.password).catch((error: unknown) => {
      if (!(error instanceof WrongPasswordError)) report.failures.push(`the cloud copy does not open: ${String(error)}`);
      return null;
    });
    if (!opened) continue;
    opening.push(candidate.password);
    cloudAccounts = accountsFromBackup(opened.contents);
    cloudTombstones = opened.contents.tombstones;
  }
  if (opening.length !== 1) report.failures.push(`the cloud copy opens with ${opening.length} passwords (${opening.join(', ')}), not exactly one`);
  if (report.rekeys === 0 && opening[0] !== newest.password) report.failures.push(`the cloud copy opens with "${opening[0]}", not the newest password "${newest.password}"`);
  // Every device ends with the cloud's key: it opens the cloud copy with its session key.
  for (const device of devices) {
    const key = device.base.sessionKey;
    const opens = key ? await openBackupWithKey(cloud.text, key).then(() => true, () => false) : false;
    if (!opens) report.failures.push(`device ${device.name}'s key does not open the cloud copy`);
  }
  // No HOTP counter below one that was used anywhere.
  for (const [id, highest] of highestCounter) {
    const counter = cloudAccounts.find((a) => a.id === id)?.counter ?? -1;
    if (counter < highest) report.counterRegressions.push(`${id}: the cloud's counter ${counter} < ${highest} used`);
  }
  await checkCounters();
  const view = (accounts: readonly Account[]) =>
    JSON.stringify(accounts.map((a) => ({ id: a.id, issuer: a.issuer, secret: a.secret, counter: a.counter, code: generateCode(a, real).value })));
  const cloudView = view(cloudAccounts);
  let reference: Account[] = cloudAccounts;
  for (const device of devices) {
    try {
      const file = device.base.peekVault();
      const contents = await openVault(file, device.base.sessionKey as Uint8Array);
      if (view(contents.accounts) !== cloudView) report.failures.push(`device ${device.name} differs from the cloud: ${view(contents.accounts)} vs ${cloudView}`);
      reference = contents.accounts;
    } catch (error) {
      report.failures.push(`device ${device.name}'s vault does not open: ${String(error)}`);
    }
  }
  const present = new Map(reference.map((a) => [a.id, a] as const));
  for (const [id, history] of changes) {
    report.accountsChecked += 1;
    const top = Math.max(...history.map((c) => c.stamp));
    const winners = history.filter((c) => c.stamp === top);
    // A deletion stamped equal to an edit wins (rule 3: deletedAt >= modifiedAt).
    const shouldLive = winners.every((c) => c.alive);
    const account = present.get(id);
    if (shouldLive && !account) {
      report.lost.push(id);
      if (process.env.CHAOS_DEBUG) console.log(id, JSON.stringify(history), JSON.stringify(cloudTombstones.filter((t) => t.id === id)));
    }
    if (!shouldLive && account) report.resurrected.push(id);
    if (shouldLive && account && winners.length === 1 && account.issuer !== winners[0]?.issuer) {
      report.failures.push(`${id} lost its latest edit: "${account.issuer}" instead of "${winners[0]?.issuer}"`);
    }
  }
  return report;
}
