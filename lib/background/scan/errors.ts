import { fixedMessageError } from '../../fixed-message-error';

/** The browser would not let the extension read this tab (a browser page, an add-on store, no activeTab grant). */
export class ScanNotAllowedError extends Error {
  override readonly name = 'ScanNotAllowedError';
  constructor(message = 'The browser does not allow reading this page.', options?: ErrorOptions) {
    super(message, options);
  }
}

/** Automatic detection needs the optional host permission for all sites, which is not granted. */
export class PermissionRequiredError extends Error {
  override readonly name = 'PermissionRequiredError';
  constructor(readonly permission: string) {
    super(`The ${permission} permission is not granted.`);
  }
}

/** The background was started without scanning ports: a wiring bug, never a user's problem. */
export class ScanNotWiredError extends fixedMessageError('ScanNotWiredError', 'Scanning is not wired into this background.') {}

/** The content script's report does not match the schema; names the first bad field. */
export class InvalidScanReportError extends Error {
  override readonly name = 'InvalidScanReportError';
  constructor(readonly field: string, message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
