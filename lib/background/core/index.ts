/**
 * What every feature folder of the background shares: the ports it runs on, the
 * handler shape, who may send a request, how accounts are shown, and the stored
 * sync state (read by vault writes, cloud and recovery alike).
 */
export { BadRequestError } from './errors';
export type { Handler, HandlerMap, HandlersFor } from './handler';
export type { BackgroundPorts, CloudPorts, KeyValueArea } from './ports';
export { isExtensionPage, type ExtensionIdentity, type SenderInfo } from './sender';
export { restrictToTrustedContexts, type AccessLevelArea, type StorageAccessOutcome } from './storage-access';
export { readSyncState, SYNC_STORAGE_KEY, updateSyncState, writeSyncState } from './sync-state-store';
export { codesFor, toView } from './views';
