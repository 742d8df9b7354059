import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { syncPortsFrom } from '../../lib/background/cloud';
import { restrictToTrustedContexts, type BackgroundPorts } from '../../lib/background/core';
import { answerTestGesture, wireFilling, withFillPorts } from '../../lib/background/fill';
import { HANDLERS } from '../../lib/background/handlers';
import { answerContentScript, withScanPorts } from '../../lib/background/scan';
import { ALARMS, wireBackground } from '../../lib/background/wiring';
import { TEST_HOOKS } from '../../lib/build-flags';
import { createSqliteEngine } from '../../lib/import/sqlite-engine';
import { SQLITE_WASM_FILE } from '../../lib/import/sqlite-wasm-file';
import { syncNow } from '../../lib/sync/sync-engine';
import { VaultContentsCache } from '../../lib/vault/contents-cache';
import { showCloudBadge } from './badge';
import { describeDevice, storageArea } from './browser-ports';
import { clearClipboardIfStillHolds } from './clipboard-clearer';
import { createCloudPorts } from './cloud-ports';
import { createFillPorts } from './fill-ports';
import { createScanPorts } from './scan-ports';
import { registerScanning } from './scan-wiring';

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
    exclusive: async <T,>(task: () => Promise<T>): Promise<T> => (await navigator.locks.request('vault', task)),
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
    void restrictToTrustedContexts(browser.storage.local);
    const ports = withFillPorts(withScanPorts(createPorts(), createScanPorts()), createFillPorts());
    // Messages, alarms, storage changes and the start-up work (lib/background/wiring.ts).
    // Content scripts may send two things only: the fill script's request (docs/autofill.md)
    // and the QR watcher's report (docs/page-scanning.md).
    wireBackground(browser, {
      ports,
      self: { id: browser.runtime.id, origin: browser.runtime.getURL('/') },
      handlers: HANDLERS,
      answerContentScript,
      runSync: () => runSync(ports),
      showBadge: showCloudBadge,
      clearClipboard: clearClipboardIfStillHolds,
      // Test builds only (lib/build-flags.ts): the e2e tests' stand-in for pressing the fill shortcut / clicking the menu (lib/background/fill/wiring.ts).
      ...(TEST_HOOKS ? { answerTestMessage: (message: unknown) => answerTestGesture(browser, ports, message) } : {}),
    });
    registerScanning(ports);
    wireFilling(browser, ports);
  },
});
