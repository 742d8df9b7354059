/** The recovery feature: inspect the cloud backup and restore or merge it on this device. */
export { recoveryApply, recoveryInspect, recoveryPlan, recoveryRestore } from './handlers';
