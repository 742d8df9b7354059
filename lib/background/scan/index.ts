/** The scan feature: QR codes found in tabs and images, and automatic detection. */
export { InvalidScanReportError, PermissionRequiredError, ScanNotAllowedError } from './errors';
export { SCAN_HANDLERS, scanTab } from './handlers';
export { withScanPorts, type ScanCapablePorts, type ScanPorts, type ScanTab } from './ports';
export { dropScanRecord, readAutoDetect } from './store';
export { routeWatchReport, type ContentScriptSender } from './watch-route';
export { answerContentScript, SCAN_COMMAND, SCAN_IMAGE_MENU, wireScanning, type ScanWiringBrowser, type ScanWiringOptions } from './wiring';
