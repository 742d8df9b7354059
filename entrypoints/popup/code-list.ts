import type { AccountView, CodeView, DisplayView } from '../../lib/messaging/protocol';
import { request } from '../../components/background-client';
import { t } from '../../components/i18n';
import { CodeRow } from './code-row';
import { h, icon } from './dom';
import { LiveCodes } from './live-codes';

/** More rows than the popup shows at once (about eight), fewer than the first answer brings. */
const FIRST_SCREEN_ROWS = 16;

const fold = (text: string) => text.normalize('NFKC').toLocaleLowerCase();

/** What the list asks of the popup. */
export interface CodeListActions {
  /** Opens a section of the options page ('add', 'transfer'). */
  openOptions(section: string): void;
  /** Scans the current tab for QR codes (the empty state's first way to add). */
  scan(): void;
  /** Something the list shows changed (a pin): ask for the accounts again. */
  changed(): void;
  /** The vault locked meanwhile: show the unlock screen. */
  locked(): void;
  verify(account: AccountView): void;
  /** "Hide codes" now masks the codes, or no longer does (other codes on the popup follow). */
  masked(masked: boolean): void;
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
  private display: DisplayView | undefined;
  private readonly showCodes: HTMLButtonElement;

  constructor(private readonly actions: CodeListActions) {
    this.live = new LiveCodes({
      show: (id, code) => this.rows.get(id)?.show(code),
      hasCode: (id) => this.byId.has(id) && !this.byId.get(id)!.needsVerification,
      locked: () => actions.locked(),
      near: (id) => this.rows.get(id)?.decorate(),
    });
    this.search = h('input', { type: 'search', class: 'search', placeholder: t('searchPlaceholder'), 'aria-label': t('searchPlaceholder') });
    this.search.addEventListener('input', () => this.render());
    this.list = h('ul', { 'aria-label': t('accountsTitle') });
    this.noResults = h('p', { class: 'muted no-results' }, t('noResults'));
    this.status = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    // "Show codes" (with "hide codes" on): every code shown until the popup closes (never stored).
    this.showCodes = h('button', { type: 'button', class: 'icon', 'aria-pressed': 'false', title: t('showCodes'), 'aria-label': t('showCodes'), 'data-testid': 'show-codes', hidden: true }, icon('eye'));
    this.showCodes.addEventListener('click', () => {
      this.showCodes.setAttribute('aria-pressed', String(this.showCodes.getAttribute('aria-pressed') !== 'true'));
      this.applyMask();
    });
    this.main = h('main', { class: 'code-list' }, h('div', { class: 'search-row' }, this.search, this.showCodes), this.list, this.status,
      h('span', { id: 'copy-hint', hidden: true }, t('copyHint')));
    this.main.addEventListener('keydown', (event) => this.onKeyDown(event));
    this.live.near.setRoot(this.list);
    this.element = this.main;
  }

  /** Shows these accounts (in this order) and merges their codes. */
  show(accounts: AccountView[], codes: readonly CodeView[], display?: DisplayView): void {
    this.accounts = accounts;
    this.display = display;
    this.showCodes.hidden = !display?.hideCodes;
    this.applyMask();
    const pinned = new Set(display?.pinned ?? []);
    for (const row of this.rows.values()) row.setPinned(pinned.has(row.account.id));
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
        pin: (a, pin) => void request('display.pin', { id: a.id, pinned: pin }).then((result) => result.ok && this.actions.changed()),
      });
      row.setPinned(this.display?.pinned.includes(account.id) ?? false);
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
    // The first screen's rows are complete at once; the others when they come near (CodeRow.decorate).
    for (const row of wanted.slice(0, FIRST_SCREEN_ROWS)) row.decorate();
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
    // The three ways to add the first account (docs/popup-display.md), the most common first.
    const button = (text: string, testId: string, onClick: () => void, primary = false) => {
      const b = h('button', { type: 'button', class: primary ? 'primary' : null, 'data-testid': testId }, text);
      b.addEventListener('click', onClick);
      return b;
    };
    const add = button(t('emptyScan'), 'empty-scan', () => this.actions.scan(), true);
    this.empty = h('main', { class: 'empty-state', 'data-testid': 'empty-state' }, h('h2', {}, t('emptyTitle')), h('p', { class: 'muted' }, t('emptyHint')), add,
      button(t('emptyAddManually'), 'empty-add', () => this.actions.openOptions('add')),
      button(t('emptyImport'), 'empty-import', () => this.actions.openOptions('transfer')));
    this.main.replaceWith(this.empty);
    this.element = this.empty;
    if (this.empty.isConnected) add.focus();
  }

  /** "Hide codes": CSS shows the masks until a row is hovered or focused (popup.css). */
  private applyMask(): void {
    const masked = (this.display?.hideCodes ?? false) && this.showCodes.getAttribute('aria-pressed') !== 'true';
    this.main.classList.toggle('codes-masked', masked);
    this.actions.masked(masked);
  }

  private rowButtons(): HTMLButtonElement[] {
    return Array.from(this.list.querySelectorAll<HTMLButtonElement>('button.code-button'));
  }

  private onKeyDown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    const buttons = this.rowButtons();
    // Anything inside a row (its code, "next code", pin) counts as that row for ↑/↓.
    const row = target.closest('li.code-row');
    const index = row ? buttons.findIndex((button) => row.contains(button)) : -1;
    // ← / → move among the row's own buttons: its code, then "next code" (HOTP), then pin.
    if ((event.key === 'ArrowRight' || event.key === 'ArrowLeft') && row && target !== this.search) {
      const inRow = Array.from(row.querySelectorAll<HTMLButtonElement>('button'));
      const next = inRow[inRow.indexOf(target as HTMLButtonElement) + (event.key === 'ArrowRight' ? 1 : -1)];
      if (next) {
        event.preventDefault();
        next.focus();
      }
      return;
    }
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
