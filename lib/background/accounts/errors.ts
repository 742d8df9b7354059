/** The new account is one the user already has; nothing was saved. */
export class DuplicateAccountError extends Error {
  override readonly name = 'DuplicateAccountError';
  /** `existingLabel`: the account it duplicates as the user knows it ("GitHub — alice"), for the message. */
  constructor(readonly existingId: string, readonly reason: 'same-issuer-and-name' | 'same-secret', readonly existingLabel?: string) {
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
