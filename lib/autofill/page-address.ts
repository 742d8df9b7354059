import { parse } from 'tldts';

/*
 * The address of a page or frame as matching sees it (docs/autofill.md "Matching
 * rules"): always parsed from the URL the browser reports, never from anything the
 * page says about itself.
 */

/** Why a page can never receive a code. */
export type AddressProblem = 'not-web' | 'insecure';

/** A page that may receive codes: https, or http on a loopback development host. */
export interface PageAddress {
  /** `scheme://host[:port]`, default ports elided (WHATWG `URL.origin`). */
  origin: string;
  /** Lower-case ASCII host (punycode for international names), IPv6 without brackets. */
  host: string;
  /** Registrable domain (PSL, private suffixes included); the host itself for IPs, `localhost` and single labels. */
  site: string;
  /** The host is an internationalised name (`xn--` label): shown to the user as a caution. */
  international: boolean;
}

export type AddressResult = { ok: true; address: PageAddress } | { ok: false; problem: AddressProblem; host: string | null };

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** `localhost`, `*.localhost`, `127.0.0.0/8` and `::1`: the hosts plain http is tolerated on, for development. */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1') return true;
  return IPV4.test(host) && host.startsWith('127.');
}

/** The host of a WHATWG-parsed URL as matching compares it: no IPv6 brackets, no trailing dot. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
}

/** The host of an http(s) URL as matching compares it ({@link bareHost}), or `null` for anything else. */
export function webHost(pageUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return bareHost(url) || null;
}

/** The registrable domain of an ASCII host, or the host itself when it has none (IP, localhost, single label, a suffix). */
export function siteOfHost(host: string): string {
  return parse(host, { allowPrivateDomains: true }).domain ?? host;
}

/**
 * Reads a URL the browser reported for a tab or frame. Only `https:` pages, and
 * `http:` on loopback hosts, can receive codes.
 */
export function readPageAddress(pageUrl: string | undefined): AddressResult {
  let url: URL;
  try {
    url = new URL(pageUrl ?? '');
  } catch {
    return { ok: false, problem: 'not-web', host: null };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'not-web', host: null };
  const host = bareHost(url);
  if (host === '') return { ok: false, problem: 'not-web', host: null };
  if (url.protocol === 'http:' && !isLoopbackHost(host)) return { ok: false, problem: 'insecure', host };
  return {
    ok: true,
    address: { origin: url.origin, host, site: siteOfHost(host), international: host.split('.').some((label) => label.startsWith('xn--')) },
  };
}
