import { z } from 'zod';
import { FILL_REQUEST_TTL_MS, waitBeforeFillMs } from '../../autofill/fill-timing';
import type { FillOutcome } from '../../autofill/fill-view';
import { normalizeSiteEntry } from '../../autofill/site-entry';
import type { FILL_REQUESTS } from '../../messaging/requests/fill';
import type { Account } from '../../otp/account';
import { nextStamp } from '../../vault';
import { AccountNotFoundError } from '../accounts';
import { recordUse } from '../display';
import type { BackgroundPorts, Handler, HandlersFor } from '../core';
import { toView } from '../core';
import { changeContents, readContents } from '../vault';
import { chooseAccount, chooseFrame, pageOf, readProbes } from './choose';
import { AlreadyBoundError, FillInterruptedError, FillPageRefusedError } from './errors';
import { fillPortsOf } from './ports';
import { siteAccountsView } from './site-view';
import { dropPendingFill, writePendingFill } from './store';

/*
 * Filling one-time codes (docs/autofill.md "What each trigger does"). The popup,
 * the shortcut and the context menu all come here; the code itself only ever
 * leaves through routeFillRequest, to the frame checked here.
 */

export const fillSiteAccounts: Handler<'fill.site-accounts'> = async ({ tabId }, ports) => siteAccountsView(ports, tabId, (await readContents(ports)).accounts);

/** What fill-page.js reports after writing (the completion value of the write step). */
const WriteReport = z.object({ filled: z.boolean(), boxes: z.number().int().min(0).max(16), pressedEnter: z.boolean() });

/** HOTP: the counter moves on once its code has really been written into a page. */
async function advanceHotp(ports: BackgroundPorts, accountId: string): Promise<void> {
  await changeContents(ports, (contents) => {
    const accounts = contents.accounts.map((a): Account => (a.id === accountId && a.type === 'hotp' ? { ...a, counter: a.counter + 1, modifiedAt: nextStamp(contents, ports.now()) } : a));
    return { contents: { ...contents, accounts }, result: null };
  });
}

export const fillAccount: Handler<'fill.account'> = async ({ tabId, accountId, frameId }, ports) => {
  const fill = fillPortsOf(ports);
  const gestureAt = ports.now();
  const page = pageOf((await fill.tabUrl(tabId)) ?? null);
  const account = chooseAccount((await readContents(ports)).accounts, page, accountId);
  const site = account.siteMatch === 'origin' ? page.origin : page.site;
  const frame = chooseFrame(readProbes(await fill.probe(tabId)), account, site, frameId);

  // A code about to expire would fail at the server: the page waits for the next one (FillPorts.write says why there).
  const waitedMs = waitBeforeFillMs(ports.now(), account.type === 'hotp' ? null : account.period);

  await writePendingFill(ports, tabId, { accountId: account.id, frameId: frame.frameId, expiresAtMs: gestureAt + FILL_REQUEST_TTL_MS + waitedMs });
  let raw: unknown;
  try {
    raw = await fill.write(tabId, frame.frameId, waitedMs);
  } finally {
    // Used or not, the pending fill ends with this request.
    await dropPendingFill(ports, tabId);
  }
  const report = WriteReport.safeParse(raw);
  if (!report.success || !report.data.filled) throw new FillInterruptedError();
  if (account.type === 'hotp') await advanceHotp(ports, account.id);
  await recordUse(ports, account.id);
  return { accountId: account.id, site, frameHost: frame.host ?? page.host, frameId: frame.frameId, boxes: report.data.boxes, waitedMs, pressedEnter: report.data.pressedEnter } satisfies FillOutcome;
};

export const fillBindSite: Handler<'fill.bind-site'> = async ({ tabId, accountId }, ports) => {
  const page = pageOf((await fillPortsOf(ports).tabUrl(tabId)) ?? null);
  return changeContents(ports, (contents) => {
    const index = contents.accounts.findIndex((a) => a.id === accountId);
    const account = contents.accounts[index];
    if (!account) throw new AccountNotFoundError(accountId);
    if ((account.sites ?? []).length > 0) throw new AlreadyBoundError(account.sites ?? []);
    let entry: string;
    try {
      entry = normalizeSiteEntry(account.siteMatch === 'origin' ? page.origin : page.host, account.siteMatch ?? 'domain');
    } catch (error) {
      throw new FillPageRefusedError('not-web', page.host, { cause: error });
    }
    const bound: Account = { ...account, sites: [entry], modifiedAt: nextStamp(contents, ports.now()) };
    const accounts = contents.accounts.slice();
    accounts[index] = bound;
    return { contents: { ...contents, accounts }, result: toView(bound) };
  });
};

/** The handler of each fill request (lib/messaging/requests/fill/). */
export const FILL_HANDLERS: HandlersFor<typeof FILL_REQUESTS> = {
  'fill.site-accounts': fillSiteAccounts,
  'fill.account': fillAccount,
  'fill.bind-site': fillBindSite,
};
