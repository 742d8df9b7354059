/** The cloud feature: sign-in state, turning backup on and off, and syncing. */
export { CloudSignedOutError, NoBackupError } from './errors';
export { CLOUD_HANDLERS } from './handlers';
export { syncPortsFrom } from './sync-ports-from';
