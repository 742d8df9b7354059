import type { HandlerMap } from '../handler';
import {
  accountsAdd,
  accountsDelete,
  accountsNextHotp,
  accountsParseUri,
  accountsReorder,
  accountsUndoDelete,
  accountsUpdate,
} from './account-handlers';
import { codesGet } from './code-handlers';
import { settingsGet, settingsUpdate } from './settings-handlers';
import { vaultChangePassword, vaultCreate, vaultLock, vaultSnapshot, vaultStatus, vaultUnlock } from './vault-handlers';

/** Every request type and the function that answers it. */
export const HANDLERS: HandlerMap = {
  'vault.status': vaultStatus,
  'vault.snapshot': vaultSnapshot,
  'vault.create': vaultCreate,
  'vault.unlock': vaultUnlock,
  'vault.lock': vaultLock,
  'vault.change-password': vaultChangePassword,
  'codes.get': codesGet,
  'accounts.add': accountsAdd,
  'accounts.parse-uri': accountsParseUri,
  'accounts.update': accountsUpdate,
  'accounts.delete': accountsDelete,
  'accounts.undo-delete': accountsUndoDelete,
  'accounts.reorder': accountsReorder,
  'accounts.next-hotp': accountsNextHotp,
  'settings.get': settingsGet,
  'settings.update': settingsUpdate,
};
