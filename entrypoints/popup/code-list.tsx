import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AccountView, CodeView } from '../../lib/messaging/protocol';
import { t } from '../../components/i18n';
import { CodeRow } from './code-row';
import { useLiveCodes } from './use-live-codes';

/**
 * Rows rendered in the first frame: enough to fill the popup, so the first code
 * shows without waiting for a thousand rows; the rest follow in the next frame.
 */
const FIRST_FRAME_ROWS = 24;

const fold = (text: string) => text.normalize('NFKC').toLocaleLowerCase();

/**
 * The accounts with their live codes, search, and keyboard navigation. Search
 * runs on the names the popup already has (never on secrets), over every account.
 */
export function CodeList({ accounts, initialCodes, onAddAccount, onLocked, onVerify }: {
  accounts: AccountView[];
  /** Codes that came with the accounts (the first screen's, then everyone's). */
  initialCodes: CodeView[];
  onAddAccount(): void;
  onLocked(): void;
  onVerify(account: AccountView): void;
}) {
  const codeable = useMemo(() => new Set(accounts.filter((a) => !a.needsVerification).map((a) => a.id)), [accounts]);
  const { codes, replace: replaceCode, observeRow, setList } = useLiveCodes(initialCodes, codeable, onLocked);
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(FIRST_FRAME_ROWS);
  const [announcement, setAnnouncement] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement | null>(null);
  const listRef = useCallback((element: HTMLUListElement | null) => {
    list.current = element;
    setList(element);
  }, [setList]);

  const visible = useMemo(() => {
    const q = fold(query.trim());
    if (q === '') return accounts;
    return accounts.filter((a) => fold(a.issuer).includes(q) || fold(a.accountName).includes(q));
  }, [accounts, query]);

  useEffect(() => {
    if (limit >= accounts.length) return undefined;
    const frame = requestAnimationFrame(() => setLimit(accounts.length));
    return () => cancelAnimationFrame(frame);
  }, [limit, accounts.length]);

  if (accounts.length === 0) {
    return (
      <main className="empty-state">
        <p>{t('emptyTitle')}</p>
        <p className="muted">{t('emptyHint')}</p>
        <button type="button" className="primary" onClick={onAddAccount} autoFocus>{t('addAccount')}</button>
      </main>
    );
  }

  function rowButtons(): HTMLButtonElement[] {
    return Array.from(list.current?.querySelectorAll<HTMLButtonElement>('button.code-button') ?? []);
  }

  function onKeyDown(event: KeyboardEvent) {
    const target = event.target as HTMLElement;
    const buttons = rowButtons();
    const index = buttons.indexOf(target as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = index < 0 ? (step > 0 ? 0 : buttons.length - 1) : index + step;
      if (next < 0) search.current?.focus();
      else buttons[Math.min(next, buttons.length - 1)]?.focus();
      return;
    }
    if ((event.key === 'Home' || event.key === 'End') && index >= 0) {
      event.preventDefault();
      buttons[event.key === 'Home' ? 0 : buttons.length - 1]?.focus();
      return;
    }
    if (event.key === 'Enter' && target === search.current) {
      event.preventDefault();
      buttons[0]?.click();
      return;
    }
    // Type-to-search: a printable key typed anywhere goes to the search box.
    if (target !== search.current && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && event.key !== ' ') {
      search.current?.focus();
    }
  }

  return (
    <main className="code-list" onKeyDown={onKeyDown}>
      <input ref={search} type="search" className="search" placeholder={t('searchPlaceholder')} aria-label={t('searchPlaceholder')}
        value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />
      <ul ref={listRef} aria-label={t('accountsTitle')}>
        {visible.slice(0, limit).map((account) => (
          <CodeRow key={account.id} account={account} code={codes.get(account.id)} observe={observeRow} onNewCode={replaceCode} onCopied={setAnnouncement}
            onVerify={onVerify} />
        ))}
      </ul>
      {visible.length === 0 && <p className="muted no-results">{t('noResults')}</p>}
      <div className="visually-hidden" role="status" aria-live="polite">{announcement}</div>
      <span id="copy-hint" hidden>{t('copyHint')}</span>
    </main>
  );
}
