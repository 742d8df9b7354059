import { browser } from 'wxt/browser';
import type { AuthHost } from '../../lib/auth/auth-host';
import { BUILD_CLOUD_CONFIG } from '../../lib/auth/build-config';
import { BACKUP_FILE_NAME, isConfigured } from '../../lib/auth/cloud-config';
import { CloudNotConfiguredError } from '../../lib/auth/errors';
import { accessTokenFor } from '../../lib/auth/token-source';
import type { CloudPorts } from '../../lib/background/core';
import { createGraphClient } from '../../lib/graph';
import { ALARMS } from '../../lib/background/wiring';
import { offscreenAuthHost } from './offscreen-auth-host';
import { pageAuthHost } from './page-auth-host';

const authHost: AuthHost = import.meta.env.FIREFOX ? pageAuthHost : offscreenAuthHost;

/**
 * prompt=none in the identity window. Chrome can run it hidden; Firefox's hidden
 * flow runs no script and refuses some answers ("Requires user interaction"), so
 * there it is an interactive flow that closes itself at once (shared notes:
 * "Token lifetimes and sign in again"). Chrome-only options would make Firefox
 * reject the call, so they are passed in Chrome only.
 */
async function silentWebAuthFlow(url: string): Promise<string> {
  const details = import.meta.env.FIREFOX
    ? { url, interactive: true }
    : { url, interactive: false, abortOnLoadForNonInteractive: false, timeoutMsForNonInteractive: 10_000 };
  const responseUrl = await browser.identity.launchWebAuthFlow(details);
  if (!responseUrl) throw new Error('The identity window returned nothing.');
  return responseUrl;
}

/** Below this, a retry also runs on a timer: alarms may be rounded up to 30 s or more. */
const TIMER_RETRY_LIMIT_MS = 30_000;

/** `runSync` runs a backup pass (the background's, under its lock). */
export function createCloudPorts(runSync: () => void): CloudPorts {
  const configured = isConfigured(BUILD_CLOUD_CONFIG);
  return {
    configured,
    graph(account) {
      if (!configured) throw new CloudNotConfiguredError();
      return createGraphClient({
        baseUrl: BUILD_CLOUD_CONFIG.graphBaseUrl,
        fetch: (input, init) => fetch(input, init),
        getAccessToken: ({ forceRefresh }) => accessTokenFor(authHost, silentWebAuthFlow, account, { forceRefresh }),
        fileName: BACKUP_FILE_NAME,
      });
    },
    async scheduleRetry(atMs) {
      if (atMs === null) {
        await browser.alarms.clear(ALARMS.cloudRetry);
        return;
      }
      // The alarm survives the worker; the timer is on time while the worker lives.
      await browser.alarms.create(ALARMS.cloudRetry, { when: atMs });
      const delay = atMs - Date.now();
      if (delay < TIMER_RETRY_LIMIT_MS) setTimeout(runSync, Math.max(0, delay));
    },
    signOut: (account) => authHost.signOut(account),
  };
}
