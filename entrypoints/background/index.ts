import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { HANDLERS } from '../lib/background/handlers';
import type { BackgroundPorts, KeyValueArea } from '../lib/background/ports';
import { route } from '../lib/background/router';
import { lockIfIdle } from '../lib/background/unlock-session';

/*
 * The background: the only code that sees decrypted secrets. Thin on purpose —
 * it wires lib/background to the browser and keeps no state of its own: the
 * service worker can be killed between any two events.
 */

const AUTO_LOCK_ALARM = 'auto-lock';

function area(storage: Browser.storage.StorageArea): KeyValueArea {
  return {
    get: async (key) => (await storage.get(key))[key],
    set: (key, value) => storage.set({ [key]: value }),
    remove: (key) => storage.remove(key),
  };
}

function createPorts(): BackgroundPorts {
  return {
    local: area(browser.storage.local),
    session: area(browser.storage.session),
    now: () => Date.now(),
    random: (bytes) => crypto.getRandomValues(new Uint8Array(bytes)),
    randomId: () => crypto.randomUUID(),
    scheduleAutoLock: async (atMs) => {
      if (atMs === null) await browser.alarms.clear(AUTO_LOCK_ALARM);
      else await browser.alarms.create(AUTO_LOCK_ALARM, { when: atMs });
    },
    // Web Locks serialise vault changes across every event the worker handles.
    exclusive: async <T,>(task: () => Promise<T>): Promise<T> => (await navigator.locks.request('vault', task)) as T,
  };
}

export default defineBackground({
  type: 'module',
  main() {
    const ports = createPorts();
    const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

    browser.runtime.onMessage.addListener((message, sender) => route(message, sender, self, ports, HANDLERS));

    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === AUTO_LOCK_ALARM) void lockIfIdle(ports);
    });
  },
});
