import { z } from 'zod';
import { base64ToBytes, bytesToBase64 } from '../../encoding/base64';
import { LockedError } from './errors';
import { UNDO_SESSION_KEY } from '../core';
import type { BackgroundPorts } from '../core';

/*
 * The unlocked state lives in storage.session, never in module variables: the
 * service worker may be killed between any two events, and storage.session is
 * readable by trusted extension contexts only (not content scripts) and is
 * cleared when the browser closes — so a browser restart always locks.
 */

/** The storage.session key of the unlocked state. */
export const SESSION_KEY = 'unlocked';

const UnlockRecord = z.object({
  masterKey: z.string(),
  lastActivityMs: z.number(),
  autoLockMinutes: z.number().int().positive(),
});
type UnlockRecord = z.infer<typeof UnlockRecord>;

export interface UnlockedKey {
  masterKey: Uint8Array;
  autoLockMinutes: number;
}

async function readRecord(ports: BackgroundPorts): Promise<UnlockRecord | null> {
  const parsed = UnlockRecord.safeParse(await ports.session.get(SESSION_KEY));
  return parsed.success ? parsed.data : null;
}

const deadline = (record: UnlockRecord) => record.lastActivityMs + record.autoLockMinutes * 60_000;

/** Stores the key after a successful unlock and schedules the automatic lock. */
export async function startSession(ports: BackgroundPorts, masterKey: Uint8Array, autoLockMinutes: number): Promise<void> {
  const record: UnlockRecord = { masterKey: bytesToBase64(masterKey), lastActivityMs: ports.now(), autoLockMinutes };
  await ports.session.set(SESSION_KEY, record);
  await ports.scheduleAutoLock(deadline(record));
}

/** Forgets the key, and the recently deleted accounts only an unlocked session may restore. Every lock comes here. */
export async function endSession(ports: BackgroundPorts): Promise<void> {
  await ports.session.remove(SESSION_KEY);
  await ports.session.remove(UNDO_SESSION_KEY);
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
  return { masterKey: base64ToBytes(record.masterKey), autoLockMinutes: record.autoLockMinutes };
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
  await ports.session.set(SESSION_KEY, next);
  await ports.scheduleAutoLock(deadline(next));
}

/** Called when the auto-lock alarm fires: locks if the deadline has passed (activity may have moved it). */
export async function lockIfIdle(ports: BackgroundPorts): Promise<void> {
  const record = await readRecord(ports);
  if (record && ports.now() >= deadline(record)) await endSession(ports);
  else if (record) await ports.scheduleAutoLock(deadline(record));
}
