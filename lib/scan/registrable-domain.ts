import { siteOfHost, webHost } from '../autofill/page-address';

/**
 * The site a page belongs to, as stored with an account enrolled there and shown
 * to the user: the registrable domain ("eTLD+1") of the page's host by the Public
 * Suffix List, private suffixes included (`alice.github.io` stays whole, so two
 * users' pages on one hosting service are not the same site).
 *
 * The host comes from the WHATWG URL parser, so it is lower case and ASCII
 * (punycode): `xn--…` is shown rather than look-alike Unicode. Hosts with no
 * registrable domain — an IP address, `localhost`, a single-label intranet name —
 * are returned as they are. Pages that are not http(s) have no site: `null`.
 */
export function registrableDomain(pageUrl: string): string | null {
  const host = webHost(pageUrl);
  return host === null ? null : siteOfHost(host);
}

/** The origin (scheme://host:port) of an http(s) page, or `null` for anything else. */
export function httpOrigin(pageUrl: string): string | null {
  try {
    const url = new URL(pageUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}
