import { browser } from 'wxt/browser';
import { scanTab } from '../../lib/background/scan';
import type { ExtensionIdentity } from '../../lib/background/core';
import type { ScanCapablePorts } from '../../lib/background/scan';
import { dropScanRecord, readAutoDetect } from '../../lib/background/scan';
import { routeWatchReport, type ContentScriptSender } from '../../lib/background/scan';
import { routeFillRequest, type FillCapablePorts } from '../../lib/background/fill';
import { isFillRequest } from '../../lib/autofill/fill-messages';
import { createMenus } from './context-menus';
import { ALL_SITES } from './scan-ports';

/*
 * The events scanning listens to (docs/page-scanning.md): the shortcut, the image
 * context menu, the watcher's reports, tabs closing or navigating (their found
 * codes go), and the host permission being taken back.
 */

/** The command's name in the manifest (`commands`). */
export const SCAN_COMMAND = 'scan-page';
const SCAN_IMAGE_MENU = 'scan-image';

/** Scans a tab the user just pointed at (shortcut, menu), then shows the popup where the browser allows it; the badge shows the count anyway. */
async function scanFromGesture(ports: ScanCapablePorts, tabId: number): Promise<void> {
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
async function syncWatcher(ports: ScanCapablePorts): Promise<void> {
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

export function registerScanning(ports: ScanCapablePorts): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== SCAN_COMMAND) return;
    const tabId = tab?.id;
    if (typeof tabId === 'number') void scanFromGesture(ports, tabId);
    else
      void browser.tabs.query({ active: true, currentWindow: true }).then(async ([active]) => {
        if (active?.id !== undefined) await scanFromGesture(ports, active.id);
      });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SCAN_IMAGE_MENU && typeof tab?.id === 'number') void scanFromGesture(ports, tab.id);
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
    if (removed.origins?.some((origin) => ALL_SITES.origins.includes(origin))) void ports.scan.setWatcherRegistered(false);
  });
  void syncWatcher(ports);
}
