/**
 * Which client ids and redirect URIs count as "registered". The emulator has no app
 * registrations: every accepted client is a single-page application with the same redirect
 * URIs.
 */
export interface ClientPolicy {
  /** Any GUID, or only the configured ids when some are configured (case-insensitive). */
  isKnownClient(clientId: string): boolean;
  /** Exact-match check against the built-in extension patterns and the allow-list. */
  isAllowedRedirectUri(redirectUri: string): boolean;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Chrome's `identity.getRedirectURL()`: the extension id is 32 letters a–p. */
const CHROME_REDIRECT = /^https:\/\/[a-p]{32}\.chromiumapp\.org\/$/;

/** Firefox's `identity.getRedirectURL()`: a hex digest of the add-on id. */
const FIREFOX_REDIRECT = /^https:\/\/[0-9a-f]+\.extensions\.allizom\.org\/$/;

/**
 * @param clientIds accepted client ids; empty = any GUID.
 * @param redirectUris redirect URIs accepted besides the browser-extension patterns.
 */
export function createClientPolicy(clientIds: readonly string[], redirectUris: readonly string[]): ClientPolicy {
  const configuredClients = new Set(clientIds.map((id) => id.toLowerCase()));
  const extraRedirects = new Set(redirectUris);
  return {
    isKnownClient: (clientId) =>
      configuredClients.size > 0 ? configuredClients.has(clientId.toLowerCase()) : GUID.test(clientId),
    isAllowedRedirectUri: (redirectUri) =>
      CHROME_REDIRECT.test(redirectUri) || FIREFOX_REDIRECT.test(redirectUri) || extraRedirects.has(redirectUri),
  };
}
