import { fixedMessageError } from '../../fixed-message-error';

/** The vault is locked: the page should show the unlock screen. */
export class LockedError extends fixedMessageError('LockedError', 'The vault is locked.') {}

/** No vault exists yet: the page should show the first-run screen. */
export class NotInitializedError extends fixedMessageError('NotInitializedError', 'No vault has been created yet.') {}

/** A vault exists already; creating another would destroy it. */
export class AlreadyInitializedError extends fixedMessageError('AlreadyInitializedError', 'A vault already exists.') {}

/** The new password does not meet the minimum. */
export class WeakPasswordError extends Error {
  override readonly name = 'WeakPasswordError';
}

/**
 * The vault password is known to be too easy to guess (lib/vault/password-rules.ts),
 * and the action would write a file anyone holding it can attack offline (the
 * backup, an encrypted export): the password must be changed first.
 */
export class PasswordChangeRequiredError extends fixedMessageError('PasswordChangeRequiredError', 'The vault password is too easy to guess for a file that can be attacked offline: change it first.') {}
