/** The recovery feature: inspect the cloud backup and restore or merge it on this device. */
export { RECOVERY_HANDLERS } from './handlers';
