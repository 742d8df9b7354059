import { useEffect, useRef, useState } from 'react';
import type { AccountView } from '../../lib/messaging/protocol';
import { request } from '../../components/background-client';
import { failureMessage } from '../../components/failure-message';
import { t } from '../../components/i18n';
import { GripIcon } from '../../components/icons';
import { AccountEditor } from './account-editor';
import { BackupNudge } from './backup-nudge';
import { VerifyAccount } from './verify-account';
import { moveItem } from './move-item';
import { SiteEditor } from './site-editor';
import { UndoToast } from './undo-toast';
import { usePointerReorder } from './use-pointer-reorder';
import { accountLabel } from '../../lib/display/account-label';

/** The account list: reorder (drag or keyboard), edit, delete with confirmation and undo. */
export function AccountsSection({ accounts, onChanged, onAdd, onBackupOn, verifyId, onScan }: {
  accounts: AccountView[];
  onChanged(): Promise<void> | void;
  onAdd(): void;
  /** Backup was just turned on from the nudge: show Backup & recovery. */
  onBackupOn(): void;
  /** The account to verify on arrival (`#verify-<id>`, from the popup). */
  verifyId?: string | undefined;
  onScan(): void;
}) {
  const [order, setOrderState] = useState(accounts);
  // The order the user sees right now. Key presses can arrive faster than React
  // re-renders; each move must start from the latest order, not a render's copy.
  const orderRef = useRef(accounts);
  const setOrder = (next: AccountView[]) => {
    orderRef.current = next;
    setOrderState(next);
  };
  const [editing, setEditing] = useState<string | null>(null);
  const [verifying, setVerifying] = useState<string | null>(verifyId ?? null);
  useEffect(() => setVerifying(verifyId ?? null), [verifyId]);
  const [verified, setVerified] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [sitesOf, setSitesOf] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<AccountView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const list = useRef<HTMLOListElement>(null);

  // Moves being saved, and whether a list arrived meanwhile. The background announces each
  // saved move, and the page reads the list again; an answer read between two quick moves
  // holds the older order and would jump the rows back under the user's pointer or keys.
  // So while moves are in flight the list on screen stays the user's, and once the last is
  // saved the page reads the list again if anything came in meanwhile (another device's merge).
  const savesInFlight = useRef(0);
  const arrivedWhileSaving = useRef(false);
  useEffect(() => {
    if (savesInFlight.current > 0) arrivedWhileSaving.current = true;
    else setOrder(accounts);
  }, [accounts]);

  async function saveOrder(next: AccountView[]) {
    setOrder(next);
    savesInFlight.current += 1;
    const result = await request('accounts.reorder', { ids: next.map((a) => a.id) })
      .finally(() => { savesInFlight.current -= 1; });
    if (!result.ok) setError(failureMessage(result.error));
    // Failure: show the truth again. Success: the screen already shows the saved order.
    if (savesInFlight.current === 0 && (!result.ok || arrivedWhileSaving.current)) {
      arrivedWhileSaving.current = false;
      await onChanged();
    }
  }

  const drag = usePointerReorder(list, order, (from, to) => {
    if (from !== to) void saveOrder(moveItem(orderRef.current, from, to));
  });

  async function move(id: string, delta: -1 | 1) {
    const current = orderRef.current;
    const index = current.findIndex((a) => a.id === id);
    const to = index + delta;
    if (index < 0 || to < 0 || to >= current.length) return;
    const account = current[index] as AccountView;
    await saveOrder(moveItem(current, index, to));
    setAnnouncement(t('movedAnnouncement', [account.issuer || account.accountName, String(to + 1), String(current.length)]));
    // Keep the keyboard where the user is: on the moved row's handle.
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-account-id="${account.id}"] .drag-handle`)?.focus());
  }

  async function remove(account: AccountView) {
    setConfirming(null);
    const result = await request('accounts.delete', { id: account.id });
    if (!result.ok) return setError(failureMessage(result.error));
    setDeleted(account);
    await onChanged();
  }

  async function undo(account: AccountView) {
    setDeleted(null);
    const result = await request('accounts.undo-delete', { id: account.id });
    if (!result.ok) setError(failureMessage(result.error));
    await onChanged();
  }

  return (
    <section aria-labelledby="accounts-title">
      <div className="section-head">
        <h2 id="accounts-title">{t('accountsTitle')}</h2>
        <button type="button" className="primary" onClick={onAdd}>{t('addAccount')}</button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {verified && <p className="success" role="status" data-testid="verified-message">{verified}</p>}
      <BackupNudge onTurnedOn={onBackupOn} />
      {order.length === 0 ? (
        <p className="muted">{t('emptyTitle')}</p>
      ) : (
        <>
          <p className="muted small">{t('reorderHint')}</p>
          <ol ref={list} className="account-list">
            {order.map((account, index) => (
              <li key={account.id} data-account-id={account.id} data-testid="account-item"
                className={drag.draggingId === account.id ? 'dragging' : undefined}>
                <button type="button" className="drag-handle" aria-label={t('reorderHandle', [account.issuer || account.accountName])}
                  onPointerDown={(e) => drag.start(e, index)}
                  onKeyDown={(e) => {
                    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
                      e.preventDefault();
                      void move(account.id, e.key === 'ArrowUp' ? -1 : 1);
                    }
                  }}><GripIcon /></button>
                {editing === account.id ? (
                  <AccountEditor account={account} onDone={async (changed) => { setEditing(null); if (changed) await onChanged(); }} />
                ) : verifying === account.id && account.needsVerification ? (
                  <VerifyAccount account={account} onScan={onScan} onCancel={() => setVerifying(null)}
                    onVerified={async (message) => { setVerifying(null); setVerified(message); await onChanged(); }} />
                ) : (
                  <>
                    <span className="names" title={accountLabel(account)}>
                      <span className="issuer" data-testid="account-issuer">{account.issuer || account.accountName}</span>
                      {account.issuer && <span className="account-name" data-testid="account-name">{account.accountName}</span>}
                      {account.sites?.[0] && <span className="account-name" data-testid="account-site">{account.sites.join(' · ')}</span>}
                      <span className="badges">
                        <span className="badge">{account.type.toUpperCase()}</span>
                        {account.deviceBound && <span className="badge">{t('deviceBoundBadge')}</span>}
                      </span>
                    </span>
                    <span className="row-actions">
                      {account.needsVerification && (
                        <button type="button" className="primary" onClick={() => { setVerified(null); setVerifying(account.id); }}>{t('verifyAction')}</button>
                      )}
                      <button type="button" onClick={() => void move(account.id, -1)} disabled={index === 0} aria-label={t('moveUp')} title={t('moveUp')}>↑</button>
                      <button type="button" onClick={() => void move(account.id, 1)} disabled={index === order.length - 1} aria-label={t('moveDown')} title={t('moveDown')}>↓</button>
                      <button type="button" onClick={() => setEditing(account.id)}>{t('edit')}</button>
                      <button type="button" onClick={() => setSitesOf(sitesOf === account.id ? null : account.id)} aria-expanded={sitesOf === account.id}
                        data-testid="sites-toggle">{t('sitesButton')}</button>
                      <button type="button" className="danger" onClick={() => setConfirming(account.id)}>{t('delete')}</button>
                    </span>
                    {sitesOf === account.id && <SiteEditor account={account} onChanged={onChanged} />}
                    {confirming === account.id && (
                      <div className="confirm" role="alertdialog" aria-label={t('deleteConfirmTitle')}>
                        <p>{t('deleteConfirm', [account.issuer || account.accountName])}</p>
                        <button type="button" className="danger" onClick={() => void remove(account)} autoFocus>{t('deleteConfirmButton')}</button>
                        <button type="button" onClick={() => setConfirming(null)}>{t('cancel')}</button>
                      </div>
                    )}
                  </>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {deleted && <UndoToast label={t('deletedToast', [deleted.issuer || deleted.accountName])} onUndo={() => void undo(deleted)} onExpire={() => setDeleted(null)} />}
      <div className="visually-hidden" role="status" aria-live="polite">{announcement}</div>
    </section>
  );
}
