import type { AccountView, CodeView } from '../../lib/messaging/protocol';
import { t } from '../../components/i18n';
import { CodeRow } from './code-row';
import { h } from './dom';
import { LiveCodes } from './live-codes';

const fold = (text: string) => text.normalize('NFKC').toLocaleLowerCase();

/** What the list asks of the popup. */
export interface CodeListActions {
  addAccount(): void;
  /** The vault locked meanwhile: show the unlock screen. */
  locked(): void;
  verify(account: AccountView): void;
}

/**
 * The accounts with their live codes, search, and keyboard navigation. Search
 * runs on the names the popup already has (never on secrets), over every account.
 * Rows are built once per account and kept; a new snapshot updates them in place.
 */
export class CodeList {
  /** The list's `<main>`: the accounts, or the empty state when there are none. */
  element: HTMLElement;
  private accounts: AccountView[] = [];
  private byId = new Map<string, AccountView>();
  private readonly rows = new Map<string, CodeRow>();
  /** Rows currently in the list, with what stops watching them. */
  private readonly shown = new Map<CodeRow, () => void>();
  private readonly live: LiveCodes;
  private readonly search: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private readonly noResults: HTMLElement;
  private readonly status: HTMLElement;
  private readonly main: HTMLElement;
  private empty: HTMLElement | null = null;

  constructor(private readonly actions: CodeListActions) {
    this.live = new LiveCodes({
      show: (id, code) => this.rows.get(id)?.show(code),
      hasCode: (id) => this.byId.has(id) && !this.byId.get(id)!.needsVerification,
      locked: () => actions.locked(),
    });
    this.search = h('input', { type: 'search', class: 'search', placeholder: t('searchPlaceholder'), 'aria-label': t('searchPlaceholder') });
    this.search.addEventListener('input', () => this.render());
    this.list = h('ul', { 'aria-label': t('accountsTitle') });
    this.noResults = h('p', { class: 'muted no-results' }, t('noResults'));
    this.status = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    this.main = h('main', { class: 'code-list' }, this.search, this.list, this.status, h('span', { id: 'copy-hint', hidden: true }, t('copyHint')));
    this.main.addEventListener('keydown', (event) => this.onKeyDown(event));
    this.live.near.setRoot(this.list);
    this.element = this.main;
  }

  /** Shows these accounts (in this order) and merges their codes. */
  show(accounts: AccountView[], codes: readonly CodeView[]): void {
    this.accounts = accounts;
    this.byId = new Map(accounts.map((a) => [a.id, a] as const));
    for (const [id, row] of this.rows) {
      const account = this.byId.get(id);
      // Gone, or changed (renamed, verified, …): its row is built again.
      if (!account || !sameAccount(row.account, account)) this.dropRow(id, row);
    }
    this.live.merge(codes);
    this.render();
  }

  /** Moves focus to the search box (as the popup opens, and when the list comes back). */
  focus(): void {
    (this.empty?.querySelector('button') ?? this.search).focus();
  }

  /** The list is gone for good. */
  destroy(): void {
    this.live.stop();
    this.element.remove();
  }

  private dropRow(id: string, row: CodeRow): void {
    this.shown.get(row)?.();
    this.shown.delete(row);
    row.element.remove();
    this.rows.delete(id);
  }

  private rowFor(account: AccountView): CodeRow {
    let row = this.rows.get(account.id);
    if (!row) {
      row = new CodeRow(account, this.live.get(account.id), {
        announce: (message) => {
          this.status.textContent = message;
        },
        verify: (a) => this.actions.verify(a),
        newCode: (code) => this.live.merge([code]),
      });
      this.rows.set(account.id, row);
    }
    return row;
  }

  /** The rows the search lets through, in order; the empty state when there are no accounts. */
  private render(): void {
    this.swapEmptyState();
    const q = fold(this.search.value.trim());
    const visible = q === '' ? this.accounts : this.accounts.filter((a) => fold(a.issuer).includes(q) || fold(a.accountName).includes(q));
    const wanted = visible.map((account) => this.rowFor(account));
    const keep = new Set(wanted);
    for (const [row, unwatch] of this.shown) {
      if (keep.has(row)) continue;
      unwatch();
      this.shown.delete(row);
      row.element.remove();
    }
    // Rows already in place stay untouched (a focused row keeps its focus).
    const children = this.list.children;
    let index = 0;
    while (index < children.length && index < wanted.length && children[index] === wanted[index]!.element) index++;
    if (index === children.length) {
      // The list holds the first rows in order (the first screen, or a narrower search): the rest go in at once.
      const fragment = document.createDocumentFragment();
      for (const row of wanted.slice(index)) fragment.append(row.element);
      this.list.append(fragment);
    } else {
      for (; index < wanted.length; index++) {
        const element = wanted[index]!.element;
        if (children[index] !== element) this.list.insertBefore(element, children[index] ?? null);
      }
    }
    for (const row of wanted) if (!this.shown.has(row)) this.shown.set(row, this.live.near.observe(row.element));
    if (visible.length === 0) this.list.after(this.noResults);
    else this.noResults.remove();
  }

  private swapEmptyState(): void {
    if (this.accounts.length > 0) {
      if (this.empty) {
        this.empty.replaceWith(this.main);
        this.empty = null;
        this.element = this.main;
        this.search.focus();
      }
      return;
    }
    if (this.empty) return;
    const add = h('button', { type: 'button', class: 'primary' }, t('addAccount'));
    add.addEventListener('click', () => this.actions.addAccount());
    this.empty = h('main', { class: 'empty-state' }, h('p', {}, t('emptyTitle')), h('p', { class: 'muted' }, t('emptyHint')), add);
    this.main.replaceWith(this.empty);
    this.element = this.empty;
    if (this.empty.isConnected) add.focus();
  }

  private rowButtons(): HTMLButtonElement[] {
    return Array.from(this.list.querySelectorAll<HTMLButtonElement>('button.code-button'));
  }

  private onKeyDown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    const buttons = this.rowButtons();
    const index = buttons.indexOf(target as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = index < 0 ? (step > 0 ? 0 : buttons.length - 1) : index + step;
      if (next < 0) this.search.focus();
      else buttons[Math.min(next, buttons.length - 1)]?.focus();
      return;
    }
    if ((event.key === 'Home' || event.key === 'End') && index >= 0) {
      event.preventDefault();
      buttons[event.key === 'Home' ? 0 : buttons.length - 1]?.focus();
      return;
    }
    if (event.key === 'Enter' && target === this.search) {
      event.preventDefault();
      buttons[0]?.click();
      return;
    }
    // Type-to-search: a printable key typed anywhere goes to the search box.
    if (target !== this.search && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && event.key !== ' ') {
      this.search.focus();
    }
  }
}

/** Whether a row built for `shown` still shows `account` as it is (JSON: plain, serialisable data). */
function sameAccount(shown: AccountView, account: AccountView): boolean {
  return JSON.stringify(shown) === JSON.stringify(account);
}
