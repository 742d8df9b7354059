/** The accounts feature: add, edit, delete (with undo), reorder, and today's codes. */
export { codesGet } from './code-handlers';
export { AccountNotFoundError, DuplicateAccountError } from './errors';
export {
  accountsAdd,
  accountsDelete,
  accountsNextHotp,
  accountsParseUri,
  accountsReorder,
  accountsUndoDelete,
  accountsUpdate,
} from './handlers';
