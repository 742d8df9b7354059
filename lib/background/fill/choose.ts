import { z } from 'zod';
import { readPageAddress, type PageAddress } from '../../autofill/page-address';
import { pickFrame, type FrameProbe } from '../../autofill/pick-frame';
import { siteHints } from '../../autofill/resemblance';
import { accountsForPage, bindingMatches } from '../../autofill/site-match';
import type { Account } from '../../otp/account';
import { AccountNotFoundError } from '../accounts';
import { FillPageRefusedError, FrameOffSiteError, NoAccountForSiteError, NoFieldError, SeveralAccountsError } from './errors';
import type { InjectionAnswer } from './ports';

/*
 * The checks before any code is computed (docs/autofill.md "Matching rules"): the
 * tab's page, the account, the frame. Every URL here is the browser's.
 */

/** The tab's top page as the browser reports it; throws FillPageRefusedError for pages that never get codes. */
export function pageOf(tabUrl: string | null): PageAddress {
  // No URL: the browser hides the tab from us (no activeTab grant yet, a privileged page).
  if (tabUrl === null) throw new FillPageRefusedError('not-scriptable', null);
  const read = readPageAddress(tabUrl);
  if (!read.ok) throw new FillPageRefusedError(read.problem, read.host);
  return read.address;
}

/** Accounts that can give a code now (not waiting for their secret). */
export const fillable = (accounts: readonly Account[]) => accounts.filter((a) => !a.needsVerification && a.secret !== '');

/**
 * The account to fill on `page`: the one asked for, which must be bound to it; or,
 * when none is named, the only one bound to it. Throws NoAccountForSiteError,
 * SeveralAccountsError, AccountNotFoundError.
 */
export function chooseAccount(accounts: readonly Account[], page: PageAddress, accountId?: string): Account {
  if (accountId !== undefined) {
    const account = accounts.find((a) => a.id === accountId);
    if (!account) throw new AccountNotFoundError(accountId);
    if (!bindingMatches(account, page)) throw new NoAccountForSiteError(page.host, page.site, siteHints([account], page));
    return account;
  }
  const matching = accountsForPage(fillable(accounts), page);
  if (matching.length === 0) throw new NoAccountForSiteError(page.host, page.site, siteHints(accounts, page));
  if (matching.length > 1) throw new SeveralAccountsError(matching.map((a) => a.id));
  return matching[0] as Account;
}

/** What fill-page.js answers when injected (its completion value). */
const ProbeAnswer = z.object({
  score: z.number().min(0).max(1000),
  focused: z.boolean(),
  boxes: z.number().int().min(0).max(16),
  /** The frame's own `location.href`, as its isolated world sees it: used to choose and to explain, never to allow. */
  url: z.string().max(8192),
});

/** A frame's probe with the frame's address (null: not a page that can receive codes). */
export interface FrameCandidate extends FrameProbe {
  address: PageAddress | null;
  host: string | null;
}

/** The probes that parse; a frame that answered nothing usable (no script, an error) has no field. */
export function readProbes(answers: readonly InjectionAnswer[]): FrameCandidate[] {
  const candidates: FrameCandidate[] = [];
  for (const { frameId, result } of answers) {
    const parsed = ProbeAnswer.safeParse(result);
    if (!parsed.success) continue;
    const read = readPageAddress(parsed.data.url);
    candidates.push({
      frameId,
      score: parsed.data.score,
      focused: parsed.data.focused,
      address: read.ok ? read.address : null,
      host: read.ok ? read.address.host : read.host,
    });
  }
  return candidates;
}

/**
 * The frame to fill: the best field among frames on the account's site (the
 * preferred one first). A field only in frames elsewhere → FrameOffSiteError (the
 * user learns why); no field at all → NoFieldError.
 */
export function chooseFrame(candidates: readonly FrameCandidate[], account: Account, site: string, preferredFrameId?: number): FrameCandidate {
  const onSite = candidates.filter((c) => c.address !== null && bindingMatches(account, c.address));
  const chosen = pickFrame(onSite, preferredFrameId);
  if (chosen) return onSite.find((c) => c.frameId === chosen.frameId) as FrameCandidate;
  const elsewhere = pickFrame(
    candidates.filter((c) => !onSite.includes(c)),
    preferredFrameId,
  );
  if (elsewhere) throw new FrameOffSiteError(candidates.find((c) => c.frameId === elsewhere.frameId)?.host ?? null, site);
  throw new NoFieldError();
}
