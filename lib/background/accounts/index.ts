/** The accounts feature: add, edit, delete (with undo), reorder, and today's codes. */
export { AccountNotFoundError, DuplicateAccountError } from './errors';
export { ACCOUNT_HANDLERS } from './handlers';
