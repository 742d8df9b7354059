/**
 * Hikae's testing kit for Puppeteer: `import { launch } from 'hikae-authenticator/testing'`.
 * Guide: docs/testing-with-puppeteer.md. Versioned with the package (semver: the
 * names exported here change only with a major version).
 */
export { attach, HikaeExtension, launch } from './kit.js';
export { launchExtension, EXTENSION_ORIGINS } from './launch.js';
export type { BrowserKind, LaunchExtensionOptions, LaunchedExtension, PuppeteerLike } from './launch.js';
export { HikaeKitError } from './errors.js';
export type { KitOwnErrorCode } from './errors.js';
export type { AccountLink, AccountRef, ExportFile, KitAccount, KitCode, KitFill, OtpKind, ProvisionOptions } from './types.js';
