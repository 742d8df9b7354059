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

/** The new password does not meet the minimum. */
export class WeakPasswordError extends Error {
  override readonly name = 'WeakPasswordError';
  constructor(message: string) {
    super(message);
  }
}
