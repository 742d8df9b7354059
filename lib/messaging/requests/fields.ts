import { z } from 'zod';
import type { ErrorCode } from '../failure';

/*
 * Payload pieces several requests share. Strings are bounded to keep a hostile
 * sender from making the worker allocate.
 */

export const empty = z.object({}).strict();
export const id = z.string().min(1).max(100);
/** Bound on account counts and id lists in requests (far above any real vault): work stays bounded. */
export const MAX_LISTED_ACCOUNTS = 10_000;
export const password = z.string().min(1).max(1024);
export const text = z.string().max(1024);
/** A zxcvbn score, 0 (too guessable) … 4 (very unguessable). */
export const strengthScore = z.number().int().min(0).max(4);

/** Failures of any request that reads the vault: not created, locked, unreadable. */
export const VAULT_ERRORS = ['locked', 'not-initialized', 'vault-damaged', 'vault-unsupported-version'] as const satisfies readonly ErrorCode[];

/** Failures of any request that talks to OneDrive. */
export const CLOUD_ERRORS = [
  'cloud-not-configured',
  'cloud-signed-out',
  'sign-in-required',
  'no-backup',
  'backup-damaged',
  'backup-newer-version',
  'cloud-unreachable',
  'cloud-forbidden',
] as const satisfies readonly ErrorCode[];

/** Failures of a request that talks to OneDrive and reads the vault. */
export const CLOUD_AND_VAULT_ERRORS = [...CLOUD_ERRORS, ...VAULT_ERRORS] as const;
