import { useState, type FormEvent } from 'react';
import type { AccountView } from '../../lib/messaging/protocol';
import { request } from '../../components/background-client';
import { failureMessage } from '../../components/failure-message';
import { failureField } from '../../lib/messaging/failure';
import { t } from '../../components/i18n';

/** Inline editing of what may change after creation: names and device binding. */
export function AccountEditor({ account, onDone }: { account: AccountView; onDone(changed: boolean): void }) {
  const [issuer, setIssuer] = useState(account.issuer);
  const [accountName, setAccountName] = useState(account.accountName);
  const [deviceBound, setDeviceBound] = useState(account.deviceBound ?? false);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    const result = await request('accounts.update', { id: account.id, edit: { issuer, accountName, deviceBound } });
    if (result.ok) onDone(true);
    else setError({ field: failureField(result.error), message: failureMessage(result.error) });
  }

  return (
    <form className="editor" onSubmit={save} aria-label={t('editAccount')}>
      <label>
        {t('fieldIssuer')}
        <input name="issuer" value={issuer} onChange={(e) => setIssuer(e.target.value)} aria-invalid={error?.field === 'issuer'} />
      </label>
      <label>
        {t('fieldAccountName')}
        <input name="accountName" value={accountName} onChange={(e) => setAccountName(e.target.value)} autoFocus
          aria-invalid={error?.field === 'accountName'} />
      </label>
      <label className="checkbox">
        <input type="checkbox" name="deviceBound" checked={deviceBound} onChange={(e) => setDeviceBound(e.target.checked)} />
        {t('fieldDeviceBound')}
      </label>
      <p className="muted small">{t('deviceBoundHelp')}</p>
      {error && <p className="error" role="alert">{error.message}</p>}
      <div className="buttons">
        <button type="submit" className="primary">{t('save')}</button>
        <button type="button" onClick={() => onDone(false)}>{t('cancel')}</button>
      </div>
    </form>
  );
}
