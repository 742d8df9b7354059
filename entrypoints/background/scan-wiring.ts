import { browser } from 'wxt/browser';
import { wireScanning, type ScanCapablePorts } from '../../lib/background/scan';
import { createMenus } from './context-menus';
import { ALL_SITES } from './scan-ports';

/** Scanning's listeners (lib/background/scan/wiring.ts) on the real browser. */
export function registerScanning(ports: ScanCapablePorts): void {
  wireScanning(browser, ports, { createMenus, allSitesOrigins: ALL_SITES.origins });
}
