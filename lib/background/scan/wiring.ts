import { isFillRequest } from '../../autofill/fill-messages';
import type { ExtensionIdentity } from '../core';
import { routeFillRequest, type FillCapablePorts } from '../fill';
import { scanTab } from './handlers';
import type { ScanCapablePorts } from './ports';
import { dropScanRecord, readAutoDetect } from './store';
import { routeWatchReport, type ContentScriptSender } from './watch-route';

/*
 * The events scanning listens to (docs/page-scanning.md): the shortcut, the image
 * context menu, the watcher's reports, tabs closing or navigating (their found
 * codes go), and the host permission being taken back. It lives here, not in the
 * entrypoint, so it runs in unit tests (tests/unit/background/scan/wiring.test.ts).
 */

/** The command's name in the manifest (`commands`). */
export const SCAN_COMMAND = 'scan-page';
/** The image context menu item's id (entrypoints/background/context-menus.ts). */
export const SCAN_IMAGE_MENU = 'scan-image';

interface Event<L> {
  addListener(listener: L): void;
}
type TabRef = { id?: number } | undefined;

/** The part of the extension API scanning listens on: `browser` in the extension, a fake in tests. */
export interface ScanWiringBrowser {
  commands: { onCommand: Event<(command: string, tab?: TabRef) => void> };
  contextMenus: { onClicked: Event<(info: { menuItemId: string | number }, tab?: TabRef) => void> };
  runtime: { onInstalled: Event<() => void>; onStartup: Event<() => void> };
  tabs: {
    query(query: { active: true; currentWindow: true }): Promise<{ id?: number }[]>;
    onRemoved: Event<(tabId: number) => void>;
    onUpdated: Event<(tabId: number, change: { status?: string; url?: string }) => void>;
  };
  permissions: { onRemoved: Event<(removed: { origins?: string[] }) => void> };
  action: { openPopup(): Promise<unknown> };
}

/** What only the entrypoint knows: how to (re)create the context menus, and the origins of "all sites". */
export interface ScanWiringOptions {
  createMenus(): void;
  allSitesOrigins: readonly string[];
}

/** Scans a tab the user just pointed at (shortcut, menu), then shows the popup where the browser allows it; the badge shows the count anyway. */
async function scanFromGesture(browser: ScanWiringBrowser, ports: ScanCapablePorts, tabId: number): Promise<void> {
  try {
    await scanTab({ tabId }, ports);
  } catch {
    // A page the browser does not let us read: nothing found, nothing to show.
    return;
  }
  try {
    await browser.action.openPopup();
  } catch {
    // Firefox allows it only straight from the user's action; the badge tells instead.
  }
}

/** Makes the watcher's registration match the setting and the permission (they can drift: the user can revoke the permission in the browser). */
export async function syncWatcher(ports: ScanCapablePorts): Promise<void> {
  const wanted = (await readAutoDetect(ports)) && (await ports.scan.hasAllSitesAccess());
  await ports.scan.setWatcherRegistered(wanted);
}

/**
 * Answers a message that is not from one of the extension's pages: the fill
 * script's request for its digits (routeFillRequest) or the watcher's report
 * (routeWatchReport); nothing else.
 */
export function answerContentScript(message: unknown, sender: ContentScriptSender, self: ExtensionIdentity, ports: ScanCapablePorts & FillCapablePorts) {
  if (isFillRequest(message)) return routeFillRequest(sender, self, ports);
  return routeWatchReport(message, sender, self, ports);
}

export function wireScanning(browser: ScanWiringBrowser, ports: ScanCapablePorts, { createMenus, allSitesOrigins }: ScanWiringOptions): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== SCAN_COMMAND) return;
    const tabId = tab?.id;
    if (typeof tabId === 'number') void scanFromGesture(browser, ports, tabId);
    else
      void browser.tabs.query({ active: true, currentWindow: true }).then(async ([active]) => {
        if (active?.id !== undefined) await scanFromGesture(browser, ports, active.id);
      });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SCAN_IMAGE_MENU && typeof tab?.id === 'number') void scanFromGesture(browser, ports, tab.id);
  });
  browser.runtime.onInstalled.addListener(createMenus);
  browser.runtime.onStartup.addListener(createMenus);

  browser.tabs.onRemoved.addListener((tabId) => void dropScanRecord(ports, { tabId }));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // Another page is loading: what the last one showed is gone.
    if (change.status === 'loading' && change.url !== undefined) {
      void dropScanRecord(ports, { tabId });
      void ports.scan.showFoundCount(tabId, 0);
    }
  });

  browser.permissions.onRemoved.addListener((removed) => {
    if (removed.origins?.some((origin) => allSitesOrigins.includes(origin))) void ports.scan.setWatcherRegistered(false);
  });
  void syncWatcher(ports);
}
