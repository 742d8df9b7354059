import type { SiteAccountsView } from '../../autofill/fill-view';
import { readPageAddress } from '../../autofill/page-address';
import { issuerResemblesSite, siteHints } from '../../autofill/resemblance';
import { accountsForPage, unboundAccounts } from '../../autofill/site-match';
import type { Account } from '../../otp/account';
import type { BackgroundPorts } from '../core';
import { fillable } from './choose';
import { fillPortsOf } from './ports';

/**
 * The accounts the tab's page may get a code for, by the URL the browser reports
 * for the tab (never the page's title or claims), in the order of `accounts`. A
 * page that can never get a code is not a failure: `problem` says why. Asked on its
 * own (`fill.site-accounts`) and inside the popup's snapshot (`vault.snapshot`
 * with `tabId`, docs/autofill.md "What each trigger does"). `unbound: false` leaves
 * out the accounts without a site (the resemblance check costs ~0.1 ms each: a
 * first-screen answer skips it for a thousand accounts it cannot name anyway).
 */
export async function siteAccountsView(ports: BackgroundPorts, tabId: number, accounts: readonly Account[], { unbound = true } = {}): Promise<SiteAccountsView> {
  const url = await fillPortsOf(ports).tabUrl(tabId);
  const read = readPageAddress(url ?? undefined);
  if (!read.ok) return { tabId, page: null, problem: read.problem, host: read.host, matching: [], unbound: [], hints: [] };
  const page = read.address;
  const usable = fillable(accounts);
  const matching = accountsForPage(usable, page).map((a) => a.id);
  return {
    tabId,
    page,
    problem: null,
    host: page.host,
    matching,
    unbound: unbound ? unboundAccounts(usable).map((a) => ({ id: a.id, resemblesSite: issuerResemblesSite(a.issuer || a.accountName, page.site) })) : [],
    hints: matching.length === 0 ? siteHints(accounts, page) : [],
  };
}
