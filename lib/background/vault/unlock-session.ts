import { base64ToBytes, bytesToBase64 } from '../../encoding/base64';
import { LockedError } from './errors';
import { clearOnLock, readItem, StoredValueInvalidError, UNLOCKED_ITEM, writeItem, type UnlockRecord } from '../../storage';
import type { BackgroundPorts } from '../core';

/*
 * The unlocked state lives in storage.session, never in module variables: the
 * service worker may be killed between any two events, and storage.session is
 * readable by trusted extension contexts only (not content scripts) and is
 * cleared when the browser closes — so a browser restart always locks.
 */

/** The storage.session key of the unlocked state (declared in lib/storage/items.ts). */
export const SESSION_KEY = UNLOCKED_ITEM.key;

export interface UnlockedKey {
  masterKey: Uint8Array;
  autoLockMinutes: number;
  /** The key a re-key in this session replaced (see UnlockRecord). */
  previousMasterKey?: Uint8Array;
}

/**
 * The unlocked state, or `null` when locked. An unreadable one (it can't be
 * written by this code) ends the session: locking is how a session item is
 * recovered, and it clears every `until-lock` item.
 */
async function readRecord(ports: BackgroundPorts): Promise<UnlockRecord | null> {
  try {
    return await readItem(ports.session, UNLOCKED_ITEM);
  } catch (error) {
    if (!(error instanceof StoredValueInvalidError)) throw error;
    await endSession(ports);
    return null;
  }
}

const deadline = (record: UnlockRecord) => record.lastActivityMs + record.autoLockMinutes * 60_000;

/** Stores the key after a successful unlock (or a re-key, with the key it replaced) and schedules the automatic lock. */
export async function startSession(ports: BackgroundPorts, masterKey: Uint8Array, autoLockMinutes: number, previousMasterKey?: Uint8Array): Promise<void> {
  const record: UnlockRecord = {
    masterKey: bytesToBase64(masterKey),
    lastActivityMs: ports.now(),
    autoLockMinutes,
    ...(previousMasterKey ? { previousMasterKey: bytesToBase64(previousMasterKey) } : {}),
  };
  await writeItem(ports.session, UNLOCKED_ITEM, record);
  await ports.scheduleAutoLock(deadline(record));
}

/**
 * Every lock comes here: removes every item the registry marks `until-lock` —
 * the key, the recently deleted accounts only an unlocked session may restore,
 * the scan records holding otpauth:// texts — in one storage call per area; and
 * the decrypted contents this worker holds in memory.
 */
export async function endSession(ports: BackgroundPorts): Promise<void> {
  ports.vaultCache.clear();
  await clearOnLock(ports);
  await ports.scheduleAutoLock(null);
}

/**
 * The unlocked key, or `null` when locked. A session idle past its deadline is
 * ended here too, so a missed alarm (a suspended machine) can't keep it open.
 */
export async function currentKey(ports: BackgroundPorts): Promise<UnlockedKey | null> {
  const record = await readRecord(ports);
  if (!record) return null;
  if (ports.now() >= deadline(record)) {
    await endSession(ports);
    return null;
  }
  const previous = record.previousMasterKey ? { previousMasterKey: base64ToBytes(record.previousMasterKey) } : {};
  return { masterKey: base64ToBytes(record.masterKey), autoLockMinutes: record.autoLockMinutes, ...previous };
}

/** Like {@link currentKey}, but a locked vault is an error. */
export async function requireKey(ports: BackgroundPorts): Promise<UnlockedKey> {
  const key = await currentKey(ports);
  if (!key) throw new LockedError();
  return key;
}

/** Records user activity: pushes the automatic lock back. */
export async function touchSession(ports: BackgroundPorts, autoLockMinutes?: number): Promise<void> {
  const record = await readRecord(ports);
  if (!record) return;
  const next = { ...record, lastActivityMs: ports.now(), autoLockMinutes: autoLockMinutes ?? record.autoLockMinutes };
  await writeItem(ports.session, UNLOCKED_ITEM, next);
  await ports.scheduleAutoLock(deadline(next));
}

/**
 * Schedules the automatic lock again for the session's own deadline, activity unchanged:
 * for when the clock the deadline was scheduled on has moved (test builds' clock).
 */
export async function rescheduleAutoLock(ports: BackgroundPorts): Promise<void> {
  const record = await readRecord(ports);
  if (record) await ports.scheduleAutoLock(deadline(record));
}

/** Called when the auto-lock alarm fires: locks if the deadline has passed (activity may have moved it). */
export async function lockIfIdle(ports: BackgroundPorts): Promise<void> {
  const record = await readRecord(ports);
  if (record && ports.now() >= deadline(record)) await endSession(ports);
  else if (record) await ports.scheduleAutoLock(deadline(record));
}
