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
// Every item, its value schema and itemOfKey: the registry's whole surface.
export * from './items';
export { clearOnLock, keysClearedOnLock } from './lock';
