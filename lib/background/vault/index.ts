/** The vault feature: its requests, the unlocked session and the stored vault file. */
export { AlreadyInitializedError, LockedError, NotInitializedError, PasswordChangeRequiredError, WeakPasswordError } from './errors';
export { requirePasswordNotWeak } from './password-check';
export { VAULT_HANDLERS } from './handlers';
export { changeContents, openCached, readContents, readVaultFile, requireVaultFile, storeVaultAndState, VAULT_STORAGE_KEY, writeVault } from './store';
export { currentKey, endSession, lockIfIdle, rescheduleAutoLock, requireKey, startSession, touchSession } from './unlock-session';
