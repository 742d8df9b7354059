import { z } from 'zod';
import { decodeBase64Field, encodeBase64, utf8 } from './bytes';
import { aadOf, KEY_BYTES, sha256 } from './crypto';
import { randomBytes, type VaultDeps } from './deps';
import { VaultDamagedError, WrongPasswordError } from './errors';
import type { KdfParams } from './kdf';
import { checkSlotFields, createPasswordSlot, PasswordSlot, unwrapPasswordSlot } from './password-slot';

/*
 * The list of key slots of a version-2 vault or backup (docs/vault-format.md,
 * "Key slots"): every slot wraps the same master key under one way of opening
 * it. Only `password` slots are made and used by this version; a slot of a type
 * a later version adds (a recovery key, a passkey) is checked loosely, kept
 * unchanged on every write and never used to open anything.
 */

/** Most slots a list may hold. */
export const MAX_SLOTS = 8;
/** Largest slot of an unknown type, as JSON text (bytes of UTF-8). */
export const MAX_FOREIGN_SLOT_BYTES = 8 * 1024;

const FOREIGN_TYPE = /^[a-z][a-z0-9-]{0,31}$/;

/** A slot of a type this version does not know: kept as it is, never opened. */
export const ForeignSlot = z.looseObject({
  type: z.string().regex(FOREIGN_TYPE).refine((type) => type !== 'password', 'a password slot must have the password slot fields'),
  checksum: z.string(),
});
export type ForeignSlot = z.infer<typeof ForeignSlot>;

/** One key slot: a password slot (strict), or one of a later version's types (opaque). */
export const KeySlot = z.union([PasswordSlot, ForeignSlot]);
export type KeySlot = z.infer<typeof KeySlot>;

/** The stored list: `slots` in order, and `slotsGeneration` (+1 on every change of the list). */
export const SlotList = z.array(KeySlot).min(1).max(MAX_SLOTS);

/** A slot list with its generation, as a version-2 file stores it (`slotsGeneration`, `slots`). */
export interface KeySlots {
  /** +1 on every change of the list; decides which of two devices' lists is newer. */
  generation: number;
  slots: KeySlot[];
}

export const isPasswordSlot = (slot: KeySlot): slot is PasswordSlot => slot.type === 'password' && 'kdf' in slot;

/**
 * Checks a parsed list without any key: at least one password slot, each password
 * slot's binary fields and KDF bounds, each foreign slot's checksum and size.
 * Throws {@link VaultDamagedError}.
 */
export function checkKeySlots(keySlots: KeySlots): void {
  if (!keySlots.slots.some(isPasswordSlot)) {
    throw new VaultDamagedError('structure', 'The file has no password slot: this version of the extension cannot open it with a password.');
  }
  keySlots.slots.forEach((slot, index) => {
    if (isPasswordSlot(slot)) {
      checkSlotFields(slot);
      return;
    }
    decodeBase64Field(slot.checksum, `slots.${index}.checksum`, { exactly: 32 });
    if (utf8(JSON.stringify(slot)).length > MAX_FOREIGN_SLOT_BYTES) {
      throw new VaultDamagedError('length', `Slot ${index} (type "${slot.type}") is larger than ${MAX_FOREIGN_SLOT_BYTES} bytes.`);
    }
  });
}

/** The slots digest: one exact list (generation and every slot's checksum, in order), base64 SHA-256. */
export async function slotsDigest(keySlots: KeySlots): Promise<string> {
  return encodeBase64(await sha256(aadOf(['hikae/slots-digest/v2', keySlots.generation, ...keySlots.slots.map((slot) => slot.checksum)])));
}

/**
 * Which of two lists of the same master key is newer: higher generation; on a tie
 * with different lists (two concurrent changes), the larger digest, so every
 * device picks the same one. Positive when `a` is newer, 0 when they are the same list.
 */
export async function compareKeySlots(a: KeySlots, b: KeySlots): Promise<number> {
  if (a.generation !== b.generation) return a.generation - b.generation;
  const [da, db] = [await slotsDigest(a), await slotsDigest(b)];
  return da === db ? 0 : da > db ? 1 : -1;
}

/** True when both lists are the same exact list. */
export async function sameKeySlots(a: KeySlots, b: KeySlots): Promise<boolean> {
  return (await compareKeySlots(a, b)) === 0;
}

/**
 * The list with the password replaced: a new password slot (new salt and nonce,
 * its generation + 1) in the place of the first password slot, every other slot
 * kept, the list's generation + 1. Argon2id runs once (~0.3 s).
 */
export async function withNewPassword(keySlots: KeySlots, masterKey: Uint8Array, newPassword: string, deps: VaultDeps, kdf?: KdfParams): Promise<KeySlots> {
  const index = keySlots.slots.findIndex(isPasswordSlot);
  const old = keySlots.slots[index];
  const generation = old && isPasswordSlot(old) ? old.generation + 1 : 1;
  const slot = await createPasswordSlot(newPassword, masterKey, deps, kdf, generation);
  const slots = keySlots.slots.slice();
  if (index < 0) slots.unshift(slot);
  else slots[index] = slot;
  return { generation: keySlots.generation + 1, slots };
}

/**
 * A re-key (docs/vault-format.md, "Re-key"): a new random master key and a list
 * holding one new password slot for it (generation + 1 for the slot and the
 * list, so every device sees the list as newer). Every other slot is dropped:
 * it wraps the old key. Seal the contents with the returned key to finish.
 */
export async function rekeyedSlots(keySlots: KeySlots, newPassword: string, deps: VaultDeps, kdf?: KdfParams): Promise<{ masterKey: Uint8Array<ArrayBuffer>; keySlots: KeySlots }> {
  const old = keySlots.slots.find(isPasswordSlot);
  const masterKey = randomBytes(deps, KEY_BYTES);
  const slot = await createPasswordSlot(newPassword, masterKey, deps, kdf, (old?.generation ?? 0) + 1);
  return { masterKey, keySlots: { generation: keySlots.generation + 1, slots: [slot] } };
}

/**
 * The master key wrapped in the list, opened with `password`: each password slot
 * in order, the first that opens wins. When none opens, a slot found damaged is
 * reported (damage is never mistaken for a typo), else {@link WrongPasswordError}.
 */
export async function unwrapKeySlots(keySlots: KeySlots, password: string): Promise<Uint8Array<ArrayBuffer>> {
  let damage: VaultDamagedError | null = null;
  let wrong: WrongPasswordError | null = null;
  for (const slot of keySlots.slots.filter(isPasswordSlot)) {
    try {
      return await unwrapPasswordSlot(slot, password);
    } catch (error) {
      if (error instanceof VaultDamagedError) damage ??= error;
      else if (error instanceof WrongPasswordError) wrong ??= error;
      else throw error;
    }
  }
  throw damage ?? wrong ?? new WrongPasswordError();
}

/** What carries key slots: a vault or backup file of version 1 (one slot) or 2 (a list). */
export type SlotCarrier = { version: 1; passwordSlot: PasswordSlot } | { version: 2; slotsGeneration: number; slots: KeySlots['slots'] };

/** The key slots of a file; a version-1 file is the list of its one password slot. */
export function keySlotsOf(file: SlotCarrier): KeySlots {
  return file.version === 1
    ? { generation: file.passwordSlot.generation, slots: [file.passwordSlot] }
    : { generation: file.slotsGeneration, slots: file.slots };
}
