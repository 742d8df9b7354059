/** The storage registry: every stored item declared once (lib/storage/items.ts), read and written through it. */
export {
  defineItem,
  entryOf,
  keyOf,
  parseStored,
  readItem,
  removeItem,
  writeItem,
  versionInV,
  StoredValueInvalidError,
  type Holds,
  type ItemDeclaration,
  type Lifetime,
  type StorageArea,
  type StorageAreaName,
  type StoredItem,
  type StoredMigrations,
  type StoredValueProblem,
} from './stored-item';
export {
  STORED_ITEMS,
  VAULT_ITEM,
  SYNC_STATE_ITEM,
  UNLOCKED_ITEM,
  RECENTLY_DELETED_ITEM,
  SCAN_RECORD_ITEM,
  SCAN_SETTINGS_ITEM,
  UnlockRecord,
  DeletedEntry,
  ScanSettings,
  itemOfKey,
} from './items';
export { clearOnLock, keysClearedOnLock } from './lock';
