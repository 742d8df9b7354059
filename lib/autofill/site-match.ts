import type { PageAddress } from './page-address';
import type { SiteMatchMode } from './site-entry';

/** What matching needs to know of an account: its sites and how they are compared. */
export interface SiteBinding {
  sites?: readonly string[];
  siteMatch?: SiteMatchMode;
}

/**
 * Whether a page (by the address the browser reports) is one of the account's sites:
 * equality of registrable domains, or of origins for exact-origin accounts. Never a
 * substring, never the title, never the issuer (docs/autofill.md "Matching rules").
 */
export function bindingMatches(binding: SiteBinding, address: PageAddress): boolean {
  const sites = binding.sites ?? [];
  const key = binding.siteMatch === 'origin' ? address.origin : address.site;
  return sites.includes(key);
}

/** The accounts bound to the page, in the user's order. */
export function accountsForPage<T extends SiteBinding>(accounts: readonly T[], address: PageAddress): T[] {
  return accounts.filter((account) => bindingMatches(account, address));
}

/** Accounts that have no site yet: the only ones the popup offers to bind on first use. */
export function unboundAccounts<T extends SiteBinding>(accounts: readonly T[]): T[] {
  return accounts.filter((account) => (account.sites ?? []).length === 0);
}
