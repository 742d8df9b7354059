import { z } from 'zod';
import { SignedInAccount } from '../auth/signed-in-account';

/*
 * What the extension remembers about its cloud backup, in storage.local (no
 * secret here: the outbox is the already-encrypted backup file). One value,
 * written together with the vault when a change queues an upload, so a worker
 * killed at any point never loses a pending change.
 */


/** Why the cloud copy is not (or may not be) up to date; each has its own message and one-click fix. */
export const ProblemCode = z.enum([
  'sign-in-required',
  'backup-missing',
  'offline',
  'throttled',
  'server-error',
  'forbidden',
  'needs-unlock',
  'needs-password',
  'remote-damaged',
  'remote-newer-version',
]);
export type ProblemCode = z.infer<typeof ProblemCode>;

export const SyncProblem = z.object({ code: ProblemCode, message: z.string(), since: z.number() });
export type SyncProblem = z.infer<typeof SyncProblem>;

export const SyncState = z.object({
  /** The "Cloud backup" switch. */
  enabled: z.boolean(),
  /** The Microsoft account backups go to; kept when backup is turned off (sign out forgets it). */
  account: SignedInAccount.nullable(),
  /** The version of the cloud file this device's vault already includes. */
  remote: z.object({ eTag: z.string() }).nullable(),
  /** The encrypted backup waiting to be uploaded, and which change produced it. */
  outbox: z.object({ text: z.string(), revision: z.number().int(), preparedAt: z.number() }).nullable(),
  /** Counts prepared outboxes, so an upload that finishes late can't clear a newer one. */
  revision: z.number().int(),
  lastSuccessAt: z.number().nullable(),
  problem: SyncProblem.nullable(),
  /** The next automatic retry after a failure that retrying can fix. */
  retry: z.object({ attempt: z.number().int(), at: z.number() }).nullable(),
  /** The cloud has changes from another device not merged yet (the vault was locked). */
  pendingMerge: z.boolean(),
  /**
   * A password changed on another device (same key) was adopted by a merge: which
   * browser and when (the backup's clear header), told on the locked screen until
   * the next unlock (docs/backup-format.md, "Sharing a master key"). Absent in states stored before.
   */
  passwordChangedElsewhere: z.object({ browser: z.string(), at: z.number() }).nullable().optional(),
});
export type SyncState = z.infer<typeof SyncState>;

export const INITIAL_SYNC_STATE: SyncState = {
  enabled: false,
  account: null,
  remote: null,
  outbox: null,
  revision: 0,
  lastSuccessAt: null,
  problem: null,
  retry: null,
  pendingMerge: false,
};
