import { AuthNetworkError, CloudNotConfiguredError, SignInRequiredError } from '../auth/errors';
import { BackupDamagedError, UnsupportedBackupVersionError } from '../backup';
import { GraphError, GraphForbiddenError, GraphUnauthorizedError } from '../graph';
import { InvalidAccountError } from '../otp/errors';
import { InvalidSiteError } from '../autofill/site-entry';
import { InvalidScanReportError, PermissionRequiredError, ScanNotAllowedError } from './scan';
import { CloudSignedOutError, NoBackupError } from './cloud';
import type { ErrorCode, ProtocolFailure } from '../messaging/failure';
import { CutShortError, ImportError, PasswordRequiredError, type ImportErrorCode } from '../import/errors';
import { UnsupportedVaultVersionError, VaultDamagedError, VaultKeyMismatchError, WrongPasswordError } from '../vault';
import { AccountNotFoundError, DuplicateAccountError } from './accounts';
import { BadRequestError } from './core';
import { AlreadyBoundError, FillInterruptedError, FillPageRefusedError, FrameOffSiteError, NoAccountForSiteError, NoFieldError, SeveralAccountsError } from './fill';
import { StoredValueInvalidError } from '../storage';
import { AlreadyInitializedError, LockedError, NotInitializedError, PasswordChangeRequiredError, WeakPasswordError } from './vault';

/** Whole-file import failures (docs/transfer.md); a missing SQLite engine is our bug: internal. */
const IMPORT_FAILURES: Partial<Record<ImportErrorCode, Exclude<Extract<ErrorCode, `import-${string}`>, 'import-cut-short'>>> = {
  'password-required': 'import-password-required',
  'wrong-password': 'import-wrong-password',
  'unsupported-format': 'import-unsupported-format',
  'damaged-file': 'import-damaged-file',
  'limit-exceeded': 'import-limit-exceeded',
};

/**
 * Turns a typed error into the failure a page receives. Anything unexpected
 * becomes `internal` with a generic message: a page never sees a stack trace.
 */
export function errorToFailure(error: unknown): ProtocolFailure {
  if (error instanceof InvalidAccountError) {
    return { code: 'invalid-account', message: error.message, field: error.field, problem: error.problem };
  }
  if (error instanceof InvalidSiteError) return { code: 'invalid-site', message: error.message, problem: error.problem, input: error.input };
  if (error instanceof ScanNotAllowedError) return { code: 'scan-not-allowed', message: error.message };
  if (error instanceof PermissionRequiredError) return { code: 'permission-required', message: error.message };
  if (error instanceof InvalidScanReportError) return { code: 'bad-request', message: error.message, field: error.field };
  if (error instanceof DuplicateAccountError) {
    return { code: 'duplicate-account', message: error.message, reason: error.reason, ...(error.existingLabel ? { existing: error.existingLabel } : {}) };
  }
  if (error instanceof PasswordRequiredError && error.formatGuessed) {
    return { code: 'import-password-required', message: error.message, formatGuessed: true };
  }
  if (error instanceof CutShortError) return { code: 'import-cut-short', message: error.message, accountsRead: error.accountsRead };
  if (error instanceof ImportError) {
    const code = IMPORT_FAILURES[error.code];
    if (code) return { code, message: error.message };
  }
  if (error instanceof LockedError) return { code: 'locked', message: error.message };
  if (error instanceof NotInitializedError) return { code: 'not-initialized', message: error.message };
  if (error instanceof AlreadyInitializedError) return { code: 'already-initialized', message: error.message };
  if (error instanceof WrongPasswordError) return { code: 'wrong-password', message: 'The password is wrong.' };
  if (error instanceof CloudNotConfiguredError) return { code: 'cloud-not-configured', message: error.message };
  if (error instanceof CloudSignedOutError) return { code: 'cloud-signed-out', message: error.message };
  if (error instanceof SignInRequiredError || error instanceof GraphUnauthorizedError) return { code: 'sign-in-required', message: error.message };
  if (error instanceof NoBackupError) return { code: 'no-backup', message: error.message, username: error.username };
  if (error instanceof UnsupportedBackupVersionError) return { code: 'backup-newer-version', message: error.message };
  if (error instanceof BackupDamagedError) {
    const problem = error.problem === 'kdf-params' || error.problem === 'weak-slot' ? { problem: error.problem } : {};
    return { code: 'backup-damaged', message: error.message, ...problem };
  }
  if (error instanceof GraphForbiddenError) return { code: 'cloud-forbidden', message: error.message };
  if (error instanceof GraphError || error instanceof AuthNetworkError) return { code: 'cloud-unreachable', message: error.message };
  if (error instanceof WeakPasswordError) return { code: 'weak-password', message: error.message, field: 'password' };
  if (error instanceof PasswordChangeRequiredError) return { code: 'password-change-required', message: error.message };
  // A stored item that does not parse: named by its key; the data stays in place (lib/storage).
  if (error instanceof StoredValueInvalidError) return { code: 'stored-data-unreadable', message: error.message, key: error.key };
  if (error instanceof VaultDamagedError) return { code: 'vault-damaged', message: error.message };
  if (error instanceof UnsupportedVaultVersionError) return { code: 'vault-unsupported-version', message: error.message };
  if (error instanceof VaultKeyMismatchError) return { code: 'locked', message: 'Unlock again: the vault was replaced.' };
  if (error instanceof AccountNotFoundError) return { code: 'not-found', message: error.message };
  const fill = fillFailure(error);
  if (fill) return fill;
  if (error instanceof BadRequestError) return { code: 'bad-request', message: error.message };
  return { code: 'internal', message: 'Something went wrong in the extension.' };
}

/** Why a fill did not happen (docs/autofill.md), with what the popup needs to explain it. */
function fillFailure(error: unknown): ProtocolFailure | null {
  if (error instanceof FillPageRefusedError) return { code: 'fill-page-refused', message: error.message, problem: error.problem, host: error.host };
  if (error instanceof NoAccountForSiteError) return { code: 'fill-no-account', message: error.message, host: error.host, site: error.site, hints: error.hints };
  if (error instanceof SeveralAccountsError) return { code: 'fill-several', message: error.message, accountIds: error.accountIds };
  if (error instanceof FrameOffSiteError) return { code: 'fill-frame-off-site', message: error.message, frameHost: error.frameHost, site: error.site };
  if (error instanceof NoFieldError) return { code: 'fill-no-field', message: error.message };
  if (error instanceof FillInterruptedError) return { code: 'fill-interrupted', message: error.message };
  if (error instanceof AlreadyBoundError) return { code: 'fill-already-bound', message: error.message, sites: error.sites };
  return null;
}
