import type { AddressProblem, PageAddress } from './page-address';
import type { SiteHint } from './resemblance';

/*
 * What the popup and the options page see of filling (docs/autofill.md "What each
 * trigger does"): the active tab's page as the browser reports it and the ids of the
 * accounts it may get a code for. Never a code, never a secret. Plain data, for
 * message answers.
 */

/** An account without a site, as the popup offers it for first-use binding. */
export interface UnboundAccount {
  id: string;
  /** The issuer resembles the page's site; false → the popup warns before binding. */
  resemblesSite: boolean;
}

/** The active tab's page and the accounts filling may use there (`fill.site-accounts`). */
export interface SiteAccountsView {
  tabId: number;
  /** The tab's top page by the URL the browser reports; `null` when it can never receive a code. */
  page: PageAddress | null;
  /** Why the page can never receive a code (`not-web`: a browser page, a file, no URL; `insecure`: http outside loopback). */
  problem: AddressProblem | null;
  /** The tab's host, also when refused (`null` for pages without one). */
  host: string | null;
  /** Accounts bound to this page, in the user's order: listed first, each with Fill. */
  matching: string[];
  /** Accounts with no site yet (offered for "Fill on … and remember it"); empty when `page` is null. */
  unbound: UnboundAccount[];
  /** When nothing matches: accounts the user may have meant, "GitHub's is github.com". */
  hints: SiteHint[];
}

/** What a fill did (`fill.account`). Nothing of the code itself. */
export interface FillOutcome {
  accountId: string;
  /** The page's registrable domain (or origin, for exact-origin accounts) it matched. */
  site: string;
  /** The host of the frame that received the digits. */
  frameHost: string;
  /** The frame that received them (0: the top frame). */
  frameId: number;
  /** Digit boxes written: 1 for a single field, N for a split one. */
  boxes: number;
  /** The code had fewer than 5 s left, so the next one was waited for (ms waited). */
  waitedMs: number;
  /** Enter was pressed after filling (the setting). */
  pressedEnter: boolean;
}
