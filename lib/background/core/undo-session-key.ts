/** The storage.session key of recently deleted accounts (accounts/undo-store.ts); dropped on every lock. */
export const UNDO_SESSION_KEY = 'recently-deleted';
