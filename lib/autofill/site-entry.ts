import { parse } from 'tldts';
import { bareHost, isLoopbackHost, siteOfHost, webHost } from './page-address';
import { MAX_SITE_LENGTH, MAX_SITES_PER_ACCOUNT } from './site-limits';

/*
 * Sites as an account stores them (docs/autofill.md "Accounts know their sites"):
 * a registrable domain (`github.com`), or for exact-origin accounts an origin
 * (`https://login.example.com`). What the user types is normalised to that form.
 */

/** How an account's sites are compared with a page: its registrable domain (default) or its exact origin. */
export type SiteMatchMode = 'domain' | 'origin';


export type SiteEntryProblem = 'not-web' | 'insecure' | 'public-suffix' | 'single-label' | 'too-long' | 'too-many';

/** A site the user typed that cannot be stored, and why. */
export class InvalidSiteError extends Error {
  override name = 'InvalidSiteError';
  constructor(readonly problem: SiteEntryProblem, readonly input: string, message: string) {
    super(message);
  }
}

/**
 * A host as DNS and the address bar know it: ASCII labels of letters, digits and
 * hyphens (punycode for international names), or an IPv6 address. Browsers' URL
 * parsers differ on odd hosts (Chromium percent-encodes a space where the WHATWG
 * parser refuses it), so what is stored never depends on which one parsed it.
 */
const HOST_SHAPE = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*|[0-9a-f:.]+)$/;

/**
 * Turns what a user typed (`GitHub.com`, `https://github.com/login`, `github.com/`)
 * into a stored site entry for `mode`. Throws {@link InvalidSiteError}.
 */
export function normalizeSiteEntry(input: string, mode: SiteMatchMode): string {
  const trimmed = input.trim();
  if (trimmed.length > MAX_SITE_LENGTH) throw new InvalidSiteError('too-long', input, `A site has at most ${MAX_SITE_LENGTH} characters.`);
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    throw new InvalidSiteError('not-web', input, `"${input}" is not a web address.`);
  }
  const host = bareHost(url);
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !HOST_SHAPE.test(host)) {
    throw new InvalidSiteError('not-web', input, `"${input}" is not a web address.`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(host)) {
    throw new InvalidSiteError('insecure', input, `Codes are filled on https pages only (http only on localhost).`);
  }
  const parsed = parse(host, { allowPrivateDomains: true });
  // No registrable domain: an IP address or a loopback host stands for itself (development);
  // a suffix of the list (`com`, `co.uk`, `github.io`) is shared by many sites; any other
  // single word (`github`, `intranet`) is not a name the public web can reach.
  if (!parsed.isIp && parsed.domain === null && !isLoopbackHost(host)) {
    if (parsed.isIcann || parsed.isPrivate) {
      throw new InvalidSiteError('public-suffix', input, `${host} is shared by many sites (a public suffix): name the site itself, e.g. alice.${host}.`);
    }
    throw new InvalidSiteError('single-label', input, `${host} is a single word, not a site: type the whole name, e.g. ${host}.com.`);
  }
  return mode === 'origin' ? url.origin : siteOfHost(host);
}

/**
 * The site an account enrolled on a page starts with (docs/autofill.md "Accounts
 * know their sites"): the page's registrable domain, as the site editor would store
 * it (`alice.github.io` on a page of it). `null` when the page has none that can be
 * stored — not http(s), a public suffix itself (`github.io`), a single word — so the
 * account is added without a site, to be bound on first use, rather than refused.
 */
export function enrollmentSite(pageUrl: string): string | null {
  const host = webHost(pageUrl);
  if (host === null) return null;
  try {
    return normalizeSiteEntry(host, 'domain');
  } catch (error) {
    if (error instanceof InvalidSiteError) return null;
    throw error;
  }
}

/**
 * Normalises a list of sites (an edit in the options page, a draft's sites):
 * each entry as {@link normalizeSiteEntry}, repeats removed, first occurrence
 * kept in place. Throws {@link InvalidSiteError}.
 */
export function normalizeSiteList(input: unknown, mode: SiteMatchMode): string[] {
  if (!Array.isArray(input) || input.some((entry) => typeof entry !== 'string')) {
    throw new InvalidSiteError('not-web', String(input), 'Sites must be a list of web addresses.');
  }
  const sites = [...new Set((input as string[]).map((entry) => normalizeSiteEntry(entry, mode)))];
  if (sites.length > MAX_SITES_PER_ACCOUNT) {
    throw new InvalidSiteError('too-many', '', `An account keeps at most ${MAX_SITES_PER_ACCOUNT} sites.`);
  }
  return sites;
}

/** The entry of the other mode for an existing one (the exact-origin switch converts an account's sites). */
export function convertSiteEntry(entry: string, to: SiteMatchMode): string {
  return normalizeSiteEntry(entry, to);
}
