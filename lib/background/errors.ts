/** The vault is locked: the page should show the unlock screen. */
export class LockedError extends Error {
  override readonly name = 'LockedError';
  constructor() {
    super('The vault is locked.');
  }
}

/** No vault exists yet: the page should show the first-run screen. */
export class NotInitializedError extends Error {
  override readonly name = 'NotInitializedError';
  constructor() {
    super('No vault has been created yet.');
  }
}

/** A vault exists already; creating another would destroy it. */
export class AlreadyInitializedError extends Error {
  override readonly name = 'AlreadyInitializedError';
  constructor() {
    super('A vault already exists.');
  }
}

/** The new account is one the user already has; nothing was saved. */
export class DuplicateAccountError extends Error {
  override readonly name = 'DuplicateAccountError';
  constructor(
    readonly existingId: string,
    readonly reason: 'same-issuer-and-name' | 'same-secret',
  ) {
    super(
      reason === 'same-secret'
        ? 'An account with the same secret already exists.'
        : 'An account with the same issuer and account name already exists.',
    );
  }
}

/** The account (or the deleted account to restore) does not exist. */
export class AccountNotFoundError extends Error {
  override readonly name = 'AccountNotFoundError';
  constructor(readonly id: string) {
    super(`No account with id ${id}.`);
  }
}

/** The new password does not meet the minimum. */
export class WeakPasswordError extends Error {
  override readonly name = 'WeakPasswordError';
  constructor(message: string) {
    super(message);
  }
}

/** The request is well-formed but makes no sense for its target (e.g. "next code" on a TOTP account). */
export class BadRequestError extends Error {
  override readonly name = 'BadRequestError';
}
