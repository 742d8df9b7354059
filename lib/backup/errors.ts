import { UnsupportedVaultVersionError, VaultDamagedError } from '../vault/errors';

/*
 * The backup's errors are subclasses of the vault's, so a handler that catches
 * "damaged" or "unsupported" catches both, and one that cares can tell them
 * apart. A wrong password is the vault's WrongPasswordError (it is the same
 * password), a foreign key the vault's VaultKeyMismatchError.
 */

/** The backup file is damaged or was tampered with (in the cloud or on the way). */
export class BackupDamagedError extends VaultDamagedError {
  override readonly name = 'BackupDamagedError';
}

/** The backup was written by a newer version of the extension. */
export class UnsupportedBackupVersionError extends UnsupportedVaultVersionError {
  override readonly name = 'UnsupportedBackupVersionError';
}

/**
 * Runs `task`, turning vault damage/version errors raised by the shared
 * crypto into their backup subclasses (same problem, message and cause).
 */
export async function asBackupErrors<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    throw toBackupError(error);
  }
}

export function toBackupError(error: unknown): unknown {
  if (error instanceof VaultDamagedError && !(error instanceof BackupDamagedError)) {
    return new BackupDamagedError(error.problem, error.message.replace(/\bvault\b/g, 'backup'), { cause: error.cause ?? error });
  }
  if (error instanceof UnsupportedVaultVersionError && !(error instanceof UnsupportedBackupVersionError)) {
    return new UnsupportedBackupVersionError(error.version, error.part, error.message.replace(/\bvault\b/g, 'backup'), { cause: error.cause ?? error });
  }
  return error;
}
