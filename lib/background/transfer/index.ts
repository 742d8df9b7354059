/** The transfer feature: import from other apps and export to files or migration QR codes. */
export { TRANSFER_HANDLERS } from './handlers';
