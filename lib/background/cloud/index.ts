/** The cloud feature: sign-in state, turning backup on and off, and syncing. */
export { CloudSignedOutError, NoBackupError } from './errors';
export {
  cloudConnect,
  cloudDisable,
  cloudEnable,
  cloudJoin,
  cloudRecreate,
  cloudSignOut,
  cloudStatusHandler,
  cloudSyncNow,
} from './handlers';
export { syncPortsFrom } from './sync-ports-from';
