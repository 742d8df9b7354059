import { browser, type Browser } from 'wxt/browser';
import type { KeyValueArea } from '../../lib/background/core';

/** One extension storage area as the background's KeyValueArea. */
export function storageArea(storage: Browser.storage.StorageArea): KeyValueArea {
  return {
    get: async (key) => (await storage.get(key))[key],
    set: (key, value) => storage.set({ [key]: value }),
    // One storage.set call is one transaction in both browsers: all keys land or none.
    setMany: (entries) => storage.set(entries),
    remove: (key) => storage.remove(key),
    keys: async () => Object.keys(await storage.get(null)),
    removeMany: (keys) => storage.remove([...keys]),
  };
}

/** "Chrome 156" / "Firefox 153", and a device name for backups ("Chrome on Linux"). */
export function describeDevice(): { deviceName: string; browser: string } {
  const ua = navigator.userAgent;
  const firefox = /Firefox\/(\d+)/.exec(ua);
  const chrome = /Chrom(?:e|ium)\/(\d+)/.exec(ua);
  const name = firefox ? 'Firefox' : chrome ? (/Edg\//.test(ua) ? 'Edge' : 'Chrome') : 'Browser';
  const version = (firefox ?? chrome)?.[1] ?? '';
  const os = /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Android/.test(ua) ? 'Android' : /CrOS/.test(ua) ? 'ChromeOS' : /Linux/.test(ua) ? 'Linux' : 'unknown OS';
  const browserName = `${name}${version ? ` ${version}` : ''}`;
  return { deviceName: `${name} on ${os}`, browser: browserName };
}

export { browser };
