import type { CloudConfig } from './cloud-config';

/** Replaced at build time by wxt.config.ts (`vite.define`); absent under unit tests. */
declare const __CLOUD_CONFIG__: CloudConfig | undefined;

/** The Microsoft endpoints and client id this build was made for. */
export const BUILD_CLOUD_CONFIG: CloudConfig =
  typeof __CLOUD_CONFIG__ === 'undefined' ? { clientId: '', authority: '', graphBaseUrl: '' } : __CLOUD_CONFIG__;
