/** Backup needs a signed-in Microsoft account first. */
export class CloudSignedOutError extends Error {
  override readonly name = 'CloudSignedOutError';
  constructor() {
    super('Sign in with a Microsoft account first.');
  }
}

/** The signed-in account has no backup. */
export class NoBackupError extends Error {
  override readonly name = 'NoBackupError';
  constructor(readonly username: string) {
    super(`No backup found for ${username}.`);
  }
}
