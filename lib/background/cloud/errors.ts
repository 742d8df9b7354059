import { fixedMessageError } from '../../fixed-message-error';

/** Backup needs a signed-in Microsoft account first. */
export class CloudSignedOutError extends fixedMessageError('CloudSignedOutError', 'Sign in with a Microsoft account first.') {}

/** The signed-in account has no backup. */
export class NoBackupError extends Error {
  override readonly name = 'NoBackupError';
  constructor(readonly username: string) {
    super(`No backup found for ${username}.`);
  }
}
