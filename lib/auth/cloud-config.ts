/**
 * Where the extension signs in and stores its backup: Microsoft's identity
 * platform and Graph in production builds, the local emulator
 * (ms-cloud-emulator/) in development and test builds. Fixed at build time
 * (wxt.config.ts; README "Register a Microsoft app").
 */
export interface CloudConfig {
  /** Application (client) id of the app registration; empty when the build has none. */
  clientId: string;
  /** e.g. https://login.microsoftonline.com/consumers */
  authority: string;
  /** e.g. https://graph.microsoft.com/v1.0 */
  graphBaseUrl: string;
}

/**
 * Delegated permissions: the app folder only (not the rest of OneDrive), the
 * signed-in user's name, and a refresh token.
 */
export const GRAPH_SCOPES = ['Files.ReadWrite.AppFolder', 'User.Read', 'offline_access'];

/** The file the backup lives in, inside the app folder. */
export const BACKUP_FILE_NAME = 'hikae-backup.json';

/** True when the build can sign in at all. */
export const isConfigured = (config: CloudConfig) => config.clientId !== '' && config.authority !== '' && config.graphBaseUrl !== '';

/** The host of an authority, as MSAL's knownAuthorities wants it (host[:port]). */
export const authorityHost = (config: CloudConfig) => new URL(config.authority).host;
