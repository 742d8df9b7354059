import { InvalidAccountError } from '../otp/errors';
import type { ProtocolFailure } from '../messaging/protocol';
import { UnsupportedVaultVersionError, VaultDamagedError, VaultKeyMismatchError, WrongPasswordError } from '../vault';
import {
  AccountNotFoundError,
  AlreadyInitializedError,
  BadRequestError,
  DuplicateAccountError,
  LockedError,
  NotInitializedError,
  WeakPasswordError,
} from './errors';

/**
 * Turns a typed error into the failure a page receives. Anything unexpected
 * becomes `internal` with a generic message: a page never sees a stack trace.
 */
export function errorToFailure(error: unknown): ProtocolFailure {
  if (error instanceof InvalidAccountError) {
    return { code: 'invalid-account', message: error.message, field: error.field, reason: error.problem };
  }
  if (error instanceof DuplicateAccountError) {
    return { code: 'duplicate-account', message: error.message, reason: error.reason };
  }
  if (error instanceof LockedError) return { code: 'locked', message: error.message };
  if (error instanceof NotInitializedError) return { code: 'not-initialized', message: error.message };
  if (error instanceof AlreadyInitializedError) return { code: 'already-initialized', message: error.message };
  if (error instanceof WrongPasswordError) return { code: 'wrong-password', message: 'The password is wrong.' };
  if (error instanceof WeakPasswordError) return { code: 'weak-password', message: error.message, field: 'password' };
  if (error instanceof VaultDamagedError) return { code: 'vault-damaged', message: error.message };
  if (error instanceof UnsupportedVaultVersionError) return { code: 'vault-unsupported-version', message: error.message };
  if (error instanceof VaultKeyMismatchError) return { code: 'locked', message: 'Unlock again: the vault was replaced.' };
  if (error instanceof AccountNotFoundError) return { code: 'not-found', message: error.message };
  if (error instanceof BadRequestError) return { code: 'bad-request', message: error.message };
  return { code: 'internal', message: 'Something went wrong in the extension.' };
}
