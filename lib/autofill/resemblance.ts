import { parse } from 'tldts';
import type { PageAddress } from './page-address';
import type { SiteBinding } from './site-match';

/*
 * Heuristics for what the popup SAYS, never for what it fills: a warning when an
 * account is about to be bound to a site its issuer does not resemble, and the
 * "GitHub's is github.com" hint on a page no account matches. Matching itself is
 * equality only (site-match.ts).
 */

const compact = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]/g, '');
const words = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3);

/** The distinctive name of a host: its registrable domain without the public suffix (`github` for `gist.github.com`). */
export function siteName(host: string): string {
  const parsed = parse(host, { allowPrivateDomains: true });
  return compact(parsed.domainWithoutSuffix ?? host);
}

/**
 * Whether an issuer looks like the site it is about to be bound to: the site's
 * name contains the issuer's name or one of its words, or the other way round.
 * `GitHub` ~ `github.com`, `Google Workspace` ~ `google.com`; `Bank` !~ `evil.test`.
 */
export function issuerResemblesSite(issuer: string, site: string): boolean {
  const name = siteName(site);
  if (name.length < 3) return false;
  const whole = compact(issuer);
  if (whole.length >= 3 && (name.includes(whole) || whole.includes(name))) return true;
  return words(issuer).some((w) => name.includes(w) || w.includes(name));
}

/** Whether `sub` is `whole` with some characters left out, in order. */
function isSubsequence(sub: string, whole: string): boolean {
  let at = 0;
  for (const ch of whole) if (ch === sub[at]) at += 1;
  return at === sub.length;
}

/**
 * Whether an international (punycode) label looks like `name` with a few letters
 * swapped for other scripts' lookalikes: its ASCII letters (RFC 3492 keeps them
 * before the last `-`) are `name` with at most 2 left out. `xn--gthub-n4a`
 * (`gіthub`, Cyrillic і) twins `github`. For hints only, never for matching.
 */
export function isPunycodeTwin(label: string, name: string): boolean {
  if (!label.startsWith('xn--') || name.length < 4) return false;
  const body = label.slice(4);
  const ascii = compact(body.includes('-') ? body.slice(0, body.lastIndexOf('-')) : '');
  return ascii.length >= name.length - 2 && ascii.length < name.length && isSubsequence(ascii, name);
}

/** An account the user may have meant, and its real site: "GitHub's is github.com". */
export interface SiteHint {
  issuer: string;
  site: string;
}

function hostOfEntry(entry: string): string {
  try {
    return new URL(entry.includes('://') ? entry : `https://${entry}`).hostname;
  } catch {
    return entry;
  }
}

/**
 * Accounts whose own site's name appears in the page's host (`github.com.evil.test`
 * names `github`), or whose issuer resembles the page's site: shown as "X's is
 * x.com" next to "No account for …". At most `limit`.
 */
export function siteHints(accounts: readonly (SiteBinding & { issuer: string; accountName: string })[], page: PageAddress, limit = 3): SiteHint[] {
  const pageLabels = page.host.split('.').map(compact);
  const pageName = siteName(page.site);
  const hints: SiteHint[] = [];
  for (const account of accounts) {
    const first = account.sites?.[0];
    if (first === undefined) continue;
    const names = (account.sites ?? []).map((s) => siteName(hostOfEntry(s))).filter((n) => n.length >= 3);
    const named = names.some((n) => pageLabels.includes(n) || pageName.includes(n) || (pageName.length >= 3 && n.includes(pageName)) || page.host.split('.').some((label) => isPunycodeTwin(label, n)));
    if (named || (pageName.length >= 3 && issuerResemblesSite(account.issuer, page.site))) {
      hints.push({ issuer: account.issuer || account.accountName, site: first });
      if (hints.length >= limit) break;
    }
  }
  return hints;
}
