/** Backup could not be switched on after a successful sign-in; the message is the sentence to show. */
export class TurnOnBackupError extends Error {}
