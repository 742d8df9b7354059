import type { HandlerMap } from './core';
import {
  accountsAdd,
  accountsDelete,
  accountsNextHotp,
  accountsParseUri,
  accountsReorder,
  accountsUndoDelete,
  accountsUpdate,
} from './accounts';
import {
  cloudConnect,
  cloudDisable,
  cloudEnable,
  cloudJoin,
  cloudRecreate,
  cloudSignOut,
  cloudStatusHandler,
  cloudSyncNow,
} from './cloud';
import { codesGet } from './accounts';
import { scanAdd, scanAutoDetectGet, scanAutoDetectSet, scanDismiss, scanFound, scanTab, scanTexts } from './scan';
import { recoveryApply, recoveryInspect, recoveryPlan, recoveryRestore } from './recovery';
import { settingsGet, settingsUpdate } from './vault';
import { exportFile, exportMigrationQr, importApply, importPreview } from './transfer';
import { vaultChangePassword, vaultCreate, vaultLock, vaultSnapshot, vaultStatus, vaultUnlock } from './vault';

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
  'scan.tab': scanTab,
  'scan.found': scanFound,
  'scan.texts': scanTexts,
  'scan.add': scanAdd,
  'scan.dismiss': scanDismiss,
  'scan.auto-detect.get': scanAutoDetectGet,
  'scan.auto-detect.set': scanAutoDetectSet,
  'settings.get': settingsGet,
  'settings.update': settingsUpdate,
  'import.preview': importPreview,
  'import.apply': importApply,
  'export.file': exportFile,
  'export.migration-qr': exportMigrationQr,
  'cloud.status': cloudStatusHandler,
  'cloud.connect': cloudConnect,
  'cloud.enable': cloudEnable,
  'cloud.join': cloudJoin,
  'cloud.sync-now': cloudSyncNow,
  'cloud.recreate': cloudRecreate,
  'cloud.disable': cloudDisable,
  'cloud.sign-out': cloudSignOut,
  'recovery.inspect': recoveryInspect,
  'recovery.restore': recoveryRestore,
  'recovery.plan': recoveryPlan,
  'recovery.apply': recoveryApply,
};
