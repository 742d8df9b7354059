import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { HANDLERS } from '../../lib/background/handlers';
import type { BackgroundPorts } from '../../lib/background/core';
import { VaultContentsCache } from '../../lib/vault/contents-cache';
import { isExtensionPage } from '../../lib/background/core';
import { topicsForStorageChange } from '../../lib/background/page-events';
import { route } from '../../lib/background/router';
import { PAGE_EVENT_KIND, type PageEvent } from '../../lib/messaging/events';
import { withScanPorts } from '../../lib/background/scan';
import { syncPortsFrom } from '../../lib/background/cloud';
import { readSyncState, restrictToTrustedContexts, SYNC_STORAGE_KEY, type AccessLevelArea } from '../../lib/background/core';
import { lockIfIdle } from '../../lib/background/vault';
import { createSqliteEngine } from '../../lib/import/sqlite-engine';
import { SQLITE_WASM_FILE } from '../../lib/import/sqlite-wasm-file';
import { syncNow } from '../../lib/sync/sync-engine';
import { showCloudBadge } from './badge';
import { clearCopiedCodeIfDue } from '../../lib/background/clipboard';
import { clearClipboardIfStillHolds } from './clipboard-clearer';
import { ALARMS, CLOUD_CHECK_MINUTES, describeDevice, storageArea } from './browser-ports';
import { createCloudPorts } from './cloud-ports';
import { createScanPorts } from './scan-ports';
import { answerContentScript, registerScanning } from './scan-wiring';
import { withFillPorts } from '../../lib/background/fill';
import { createFillPorts } from './fill-ports';
import { registerFilling } from './fill-wiring';

/*
 * The background: the only code that sees decrypted secrets. Thin on purpose —
 * it wires lib/background to the browser and keeps no state of its own: the
 * service worker can be killed between any two events.
 */

/** Delay between a change and its upload, so a burst of changes (a drag, an import) goes up once. */
const UPLOAD_DEBOUNCE_MS = 1500;

function createPorts(): BackgroundPorts {
  let debounce: ReturnType<typeof setTimeout> | undefined;
  const ports: BackgroundPorts = {
    local: storageArea(browser.storage.local),
    session: storageArea(browser.storage.session),
    vaultCache: new VaultContentsCache(),
    now: () => Date.now(),
    random: (bytes) => crypto.getRandomValues(new Uint8Array(bytes)),
    randomId: () => crypto.randomUUID(),
    scheduleAutoLock: async (atMs) => {
      if (atMs === null) await browser.alarms.clear(ALARMS.autoLock);
      else await browser.alarms.create(ALARMS.autoLock, { when: atMs });
    },
    scheduleClipboardClear: async (atMs) => {
      if (atMs === null) await browser.alarms.clear(ALARMS.clipboardClear);
      else await browser.alarms.create(ALARMS.clipboardClear, { when: atMs });
    },
    // Web Locks serialise vault changes across every event the worker handles.
    exclusive: async <T,>(task: () => Promise<T>): Promise<T> => (await navigator.locks.request('vault', task)) as T,
    device: describeDevice(),
    // The pending upload is already stored with the change; this only makes it go
    // up soon. If the worker dies first, the startup check and the alarm send it.
    requestSync: () => {
      clearTimeout(debounce);
      debounce = setTimeout(() => void runSync(ports), UPLOAD_DEBOUNCE_MS);
    },
    cloud: createCloudPorts(() => void runSync(ports)),
    // SQLite for Microsoft Authenticator imports: the WebAssembly is fetched and
    // compiled on the first such import only (docs/transfer.md).
    sqlite: createSqliteEngine({ locateFile: () => new URL(SQLITE_WASM_FILE, browser.runtime.getURL('/')).href }),
  };
  return ports;
}

/** One backup pass at a time across all events of this worker. */
function runSync(ports: BackgroundPorts) {
  return navigator.locks.request('cloud-sync', () => syncNow(syncPortsFrom(ports)));
}

export default defineBackground({
  type: 'module',
  main() {
    // First: the vault and the pending upload are for the extension's own pages and
    // background only, not content scripts (Chromium; Firefox can't, docs/security.md).
    void restrictToTrustedContexts(browser.storage.local as unknown as AccessLevelArea);
    const ports = withFillPorts(withScanPorts(createPorts(), createScanPorts()), createFillPorts());
    const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

    browser.runtime.onMessage.addListener((message, sender) => {
      // Messages for the offscreen sign-in document are not requests to the background.
      if (typeof message === 'object' && message !== null && 'target' in message) return undefined;
      // Content scripts may send two things only: the fill script's request (docs/autofill.md) and the QR watcher's report (docs/page-scanning.md).
      if (!isExtensionPage(sender, self)) return answerContentScript(message, sender, self, ports);
      return route(message, sender, self, ports, HANDLERS).then((answer) => {
        // After an unlock, a pending upload or a merge waiting for the key can proceed.
        if ((message as { type?: unknown }).type === 'vault.unlock' && answer.ok) ports.requestSync();
        return answer;
      });
    });

    registerScanning(ports);
    registerFilling(ports);

    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === ALARMS.autoLock) void lockIfIdle(ports);
      if (alarm.name === ALARMS.clipboardClear) void clearCopiedCodeIfDue(ports, clearClipboardIfStillHolds).catch((error: unknown) => console.warn('Clearing the clipboard failed:', error));
      if (alarm.name === ALARMS.cloudRetry || alarm.name === ALARMS.cloudCheck) {
        void runSync(ports).then(async () => showCloudBadge(await readSyncState(ports), ports.now()));
      }
    });
    // Created once (re-creating it on every start would restart its period — and
    // Firefox fires a fresh alarm at once when no delay is given).
    void browser.alarms.get(ALARMS.cloudCheck).then((existing) => {
      if (!existing) void browser.alarms.create(ALARMS.cloudCheck, { delayInMinutes: CLOUD_CHECK_MINUTES, periodInMinutes: CLOUD_CHECK_MINUTES });
    });

    browser.storage.onChanged.addListener((changes, area) => {
      // The badge follows the backup state wherever it changes.
      const change = changes[SYNC_STORAGE_KEY];
      // Read back through the registry: an unreadable state leaves the badge as it is.
      if (area === 'local' && change) void readSyncState(ports).then((state) => showCloudBadge(state, ports.now()), () => undefined);
      // Open pages follow too: they re-read what changed (docs/messaging.md). No page open: nobody to tell.
      const topics = topicsForStorageChange(area, changes);
      if (topics.length > 0) browser.runtime.sendMessage({ kind: PAGE_EVENT_KIND, topics } satisfies PageEvent).catch(() => undefined);
    });

    // Every start of the background: show the badge, and send what a killed worker left pending.
    void readSyncState(ports).then((state) => {
      void showCloudBadge(state, ports.now());
      // …unless a retry is scheduled later (Retry-After): its alarm wakes us then.
      const retryDue = !state.retry || state.retry.at <= ports.now();
      if (state.enabled && state.outbox && retryDue) ports.requestSync();
    });
  },
});
