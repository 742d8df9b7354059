import { InvalidSiteError, normalizeSiteList } from '../lib/autofill/site-entry.js';
import type { AccountView } from '../lib/messaging/protocol.js';
import { HikaeKitError } from './errors.js';
import type { AccountLink } from './types.js';

/*
 * The sites given with provisioned links (`{ uri, sites }`): checked here with
 * the extension's own rules (docs/autofill.md "Accounts know their sites")
 * before anything is written, then stored through the same edit the options
 * page's site editor sends.
 */

export const linkUri = (link: AccountLink): string => (typeof link === 'string' ? link : link.uri);

/** Each link's sites, normalised (`undefined`: none given); a site the extension would refuse is an error naming the link. */
export function checkLinkSites(links: readonly AccountLink[]): (string[] | undefined)[] {
  return links.map((link, index) => {
    if (typeof link === 'string' || link.sites === undefined) return undefined;
    try {
      return normalizeSiteList(link.sites, 'domain');
    } catch (error) {
      if (!(error instanceof InvalidSiteError)) throw error;
      throw new HikaeKitError('invalid-site', `Link ${index + 1} (${link.uri.slice(0, 40)}): ${error.message}`, { cause: error });
    }
  });
}

/** The parsed links that come with sites, each with its sites. */
export function sitesOfLinks(parsed: readonly AccountView[], sites: readonly (string[] | undefined)[]): { parsed: AccountView; sites: string[] }[] {
  return parsed.flatMap((view, index) => {
    const own = sites[index];
    return own && own.length > 0 ? [{ parsed: view, sites: own }] : [];
  });
}
