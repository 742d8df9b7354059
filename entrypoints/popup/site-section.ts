import type { SiteAccountsView } from '../../lib/autofill/fill-view';
import type { AccountView, CodeView, SiteSnapshot } from '../../lib/messaging/protocol';
import { request } from '../../components/background-client';
import { failureMessage } from '../../components/failure-message';
import { t } from '../../components/i18n';
import { codeLine } from './code-row';
import { countdown } from './countdown';
import { h } from './dom';
import { LiveCodes } from './live-codes';

/*
 * "This site's accounts first" (docs/autofill.md "What each trigger does"): the
 * popup's first snapshot brings the tab's page and its accounts with their codes
 * (the background matched them by the URL the browser reports), so they show in
 * the same paint as the first screen — plain DOM on the start path. Fill is a
 * message: the fill engine stays in the background. Accounts without a site may be
 * bound only through the explicit "Fill on … and remember it for this account".
 */

const nameOf = (account: AccountView) => account.issuer || account.accountName;

/** The top of the popup's list on a web page: its accounts with their codes and Fill, or why none. */
export class SiteSection {
  /** The section; empty and hidden while there is nothing to say (a browser page, a file). */
  readonly element: HTMLElement;
  private readonly title = h('h2', { id: 'site-fill-title', class: 'site-fill-title' });
  private readonly body = h('div', { class: 'site-fill-body' });
  private readonly unboundPart = h('div');
  private readonly status = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite', 'data-testid': 'fill-status' });
  private readonly live: LiveCodes;
  /** What the matching part and the unbound part were built from (JSON): built again only when it changes. */
  private shownKey = '';
  private unboundKey = '';
  private view: SiteAccountsView | null = null;
  private matching: AccountView[] = [];
  private readonly codeCells = new Map<string, HTMLElement>();
  /** Stops watching the rows built last (NearRows). */
  private unwatch: (() => void)[] = [];
  /** The account whose "Fill on … and remember it" choice is open. */
  private binding: string | null = null;
  /** The accounts the popup last had names for. */
  private known: readonly AccountView[] = [];

  constructor(private readonly locked: () => void) {
    this.element = h('section', { class: 'site-fill', 'aria-labelledby': 'site-fill-title', hidden: true },
      this.title, this.body, this.unboundPart, this.status);
    this.live = new LiveCodes({
      show: (id, code) => this.showCode(id, code),
      hasCode: (id) => this.matching.some((a) => a.id === id && !a.needsVerification),
      locked: () => this.locked(),
      near: () => undefined,
    });
    // Every row of the section is on screen: the section is their "list".
    this.live.near.setRoot(this.element);
  }

  /**
   * Shows the tab's page and its accounts (`site` from a snapshot, with the
   * snapshot's codes); `known`: the accounts the popup has names for (those without
   * a site are offered by name).
   */
  show(site: SiteSnapshot | undefined, codes: readonly CodeView[], known: readonly AccountView[]): void {
    if (!site) return;
    // The accounts without a site are not part of it (the first screen's answer leaves them out).
    const key = JSON.stringify([site.view.page, site.view.problem, site.view.host, site.view.hints, site.accounts]);
    if (key !== this.shownKey) {
      const hadMatch = this.matching.length > 0;
      this.shownKey = key;
      this.view = site.view;
      this.matching = site.accounts;
      this.build();
      // The site's first account is where Enter fills, as soon as it is known.
      if (!hadMatch && this.matching.length > 0) this.element.querySelector<HTMLButtonElement>('[data-testid="fill"]')?.focus();
    } else {
      this.view = site.view;
    }
    const ids = new Set(this.matching.map((a) => a.id));
    this.live.merge(codes.filter((c) => ids.has(c.id)));
    this.showUnbound(known);
  }

  /** The popup's "hide codes": the section's codes are masked like the list's (popup.css). */
  setMasked(masked: boolean): void {
    this.element.classList.toggle('codes-masked', masked);
  }

  destroy(): void {
    this.live.stop();
    this.element.remove();
  }

  private build(): void {
    const view = this.view!;
    this.codeCells.clear();
    for (const stop of this.unwatch.splice(0)) stop();
    this.unboundKey = '';
    // A browser page or a file: nothing to say. Plain http on a real host: say why nothing fills.
    const shown = view.page !== null || view.problem === 'insecure';
    this.element.hidden = !shown;
    // Named only while shown: "the site section is there" means something to say.
    if (shown) this.element.dataset.testid = 'site-fill';
    else delete this.element.dataset.testid;
    if (!shown) {
      this.body.replaceChildren();
      this.unboundPart.replaceChildren();
      return;
    }
    const page = view.page;
    this.title.textContent = t('fillOnSite', [page?.site ?? view.host ?? '']);
    if (!page) {
      this.body.replaceChildren(this.none(t('errorFillInsecure', [view.host ?? ''])));
      return;
    }
    if (this.matching.length === 0) {
      const hint = view.hints[0];
      this.body.replaceChildren(this.none(hint ? t('errorFillNoAccountHint', [page.site, hint.issuer, hint.site]) : t('errorFillNoAccount', [page.site])));
      return;
    }
    const list = h('ul', { class: 'site-fill-list', 'aria-labelledby': 'site-fill-title' });
    for (const account of this.matching) {
      const cell = h('span', { class: 'site-code' });
      this.codeCells.set(account.id, cell);
      const fill = h('button', { type: 'button', class: 'primary', 'aria-label': t('fillButtonLabel', [nameOf(account)]), 'data-testid': 'fill' }, t('fillButton'));
      fill.addEventListener('click', () => void this.fill(account, false));
      list.append(h('li', { class: 'site-account', 'data-testid': 'site-account', 'data-account-id': account.id },
        h('span', { class: 'names' },
          h('span', { class: 'issuer' }, nameOf(account)),
          account.issuer && h('span', { class: 'account-name' }, account.accountName)),
        cell, fill));
    }
    this.body.replaceChildren(list);
    for (const row of list.children) this.unwatch.push(this.live.near.observe(row as HTMLElement));
  }

  private none(text: string): HTMLElement {
    return h('p', { class: 'muted site-fill-none', 'data-testid': 'site-fill-none' }, text);
  }

  /** The code of one of the site's accounts, with its countdown; undefined: on its way. */
  private showCode(id: string, code: CodeView | undefined): void {
    const cell = this.codeCells.get(id);
    if (!cell) return;
    cell.replaceChildren(...(code
      ? [codeLine(code), code.validUntilMs !== null ? countdown(code.validFromMs, code.validUntilMs) : '']
      : [h('span', { class: 'code pending' }, '··· ···')]));
  }

  /**
   * Accounts without a site, behind "Fill on … and remember it" (open when nothing
   * matches). Their names come from the popup's list, so they are complete once
   * every account has arrived. The list is built when first opened: a thousand
   * accounts without a site wait behind a closed summary at no cost to the codes.
   */
  private showUnbound(known: readonly AccountView[]): void {
    this.known = known;
    const view = this.view;
    const page = view?.page;
    const byId = new Map(known.map((a) => [a.id, a] as const));
    const unbound = (view?.unbound ?? []).flatMap((u) => {
      const account = byId.get(u.id);
      return account ? [{ account, resembles: u.resemblesSite }] : [];
    });
    const key = JSON.stringify([page?.site, this.binding, unbound.map(({ account, resembles }) => [account.id, nameOf(account), resembles])]);
    if (key === this.unboundKey) return;
    this.unboundKey = key;
    if (!page || unbound.length === 0) {
      this.unboundPart.replaceChildren();
      return;
    }
    const wasOpen = this.unboundPart.querySelector('details')?.open;
    const details = h('details', { class: 'site-fill-unbound', 'data-testid': 'site-fill-unbound' }, h('summary', {}, t('fillUnboundTitle')));
    const fillList = () => {
      if (details.querySelector('ul')) return;
      details.append(h('ul', {}, ...unbound.map(({ account, resembles }) => this.unboundRow(account, resembles, page.site))));
    };
    details.addEventListener('toggle', () => details.open && fillList());
    details.open = wasOpen ?? this.matching.length === 0;
    if (details.open) fillList();
    this.unboundPart.replaceChildren(details);
  }

  private unboundRow(account: AccountView, resembles: boolean, site: string): HTMLElement {
    const labelId = `unbound-${account.id}`;
    const row = h('li', { 'data-testid': 'unbound-account' }, h('span', { class: 'issuer', id: labelId }, nameOf(account)));
    const button = (text: string, attributes: Record<string, string>, onClick: () => void) => {
      const b = h('button', { type: 'button', ...attributes }, text);
      b.addEventListener('click', onClick);
      return b;
    };
    if (this.binding !== account.id) {
      row.append(button(t('fillBindOffer', [site]), { 'aria-describedby': labelId, 'data-testid': 'bind-offer' }, () => this.setBinding(account.id)));
      return row;
    }
    const confirm = button(t('fillBindConfirm', [site]), { class: resembles ? 'primary' : 'danger', 'data-testid': 'bind-confirm' }, () => void this.fill(account, true));
    row.append(h('div', { class: 'site-fill-bind', role: 'group', 'aria-label': t('fillBindConfirm', [site]) },
      !resembles && h('p', { class: 'warning', role: 'alert', 'data-testid': 'bind-warning' }, t('fillBindWarning', [nameOf(account), site])),
      confirm,
      button(t('cancel'), {}, () => this.setBinding(null))));
    queueMicrotask(() => confirm.focus());
    return row;
  }

  private setBinding(id: string | null): void {
    this.binding = id;
    this.showUnbound(this.known);
  }

  private setStatus(text: string, error: boolean): void {
    this.status.className = error ? 'error' : 'muted';
    this.status.textContent = text;
  }

  private async fill(account: AccountView, bindFirst: boolean): Promise<void> {
    const view = this.view;
    if (!view) return;
    this.setStatus(t('fillWorking'), false);
    if (bindFirst) {
      const bound = await request('fill.bind-site', { tabId: view.tabId, accountId: account.id });
      if (!bound.ok) return this.setStatus(failureMessage(bound.error), true);
      this.binding = null;
    }
    const filled = await request('fill.account', { tabId: view.tabId, accountId: account.id });
    if (!filled.ok) return this.setStatus(failureMessage(filled.error), true);
    this.setStatus(t(filled.value.waitedMs > 0 ? 'fillWaitedFilled' : 'fillFilled', [filled.value.frameHost]), false);
  }
}
