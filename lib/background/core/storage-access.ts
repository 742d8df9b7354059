/*
 * storage.local holds the encrypted vault and the pending upload. By default a
 * content script (which runs inside web pages) may read and write it: a bug in
 * one, or a page that subverts it, could then take or replace the vault. Chromium
 * lets an extension restrict an area to its own pages and background
 * (`StorageArea.setAccessLevel`, remembered in the profile); Firefox supports it
 * for storage.session only (bugzilla 1724754), so there local stays reachable
 * from content scripts — see docs/security.md.
 */

/** The part of a browser storage area this needs: `setAccessLevel` where the browser has it. */
export interface AccessLevelArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void>;
}

/** `restricted`: only trusted contexts may use the area now; `unsupported`: this browser can't restrict it. */
export type StorageAccessOutcome = 'restricted' | 'unsupported';

/**
 * Restricts `area` to trusted contexts (extension pages and the background) where
 * the browser supports it. Never throws: a browser that has the method but refuses
 * it for this area (Firefox's storage.local) counts as unsupported.
 */
export async function restrictToTrustedContexts(area: AccessLevelArea): Promise<StorageAccessOutcome> {
  if (typeof area.setAccessLevel !== 'function') return 'unsupported';
  try {
    await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return 'restricted';
  } catch {
    return 'unsupported';
  }
}
