import { useState, type FormEvent } from 'react';
import type { AccountView } from '../../lib/messaging/protocol';
import { sameIssuerAndName } from '../../lib/otp/duplicates';
import { request } from '../../components/background-client';
import { failureMessage } from '../../components/failure-message';
import { t } from '../../components/i18n';
import { describedBy, FieldError } from '../../components/field-error';
import { accountLabel } from '../../lib/display/account-label';

const label = accountLabel;

/**
 * An account restored without its secret (device-bound elsewhere): its link or QR
 * code makes it work again, in place. The link must be this account's (same issuer
 * and name): another account's link would otherwise be added as a new account.
 */
export function VerifyAccount({ account, onVerified, onScan, onCancel }: {
  account: AccountView;
  onVerified(message: string): void;
  /** Scan a QR code shown in a tab: its account completes this one (Scan section). */
  onScan(): void;
  onCancel(): void;
}) {
  const [link, setLink] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = `verify-error-${account.id}`;

  async function verify(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const parsed = await request('accounts.parse-uri', { uri: link });
      if (!parsed.ok) return setError(failureMessage(parsed.error));
      if (!sameIssuerAndName(parsed.value, account)) return setError(t('verifyMismatch', [label(parsed.value), label(account)]));
      const result = await request('accounts.add', { uri: link });
      if (!result.ok) return setError(failureMessage(result.error));
      onVerified(t('verifiedMessage', [account.issuer || account.accountName]));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="editor stack" onSubmit={verify} aria-label={t('verifyTitle', [account.issuer || account.accountName])} data-testid="verify-form" noValidate>
      <p id={`verify-hint-${account.id}`}>{t('verifyHint', [account.issuer || account.accountName])}</p>
      <label>
        {t('fieldUri')}
        <input name="verify-uri" value={link} placeholder="otpauth://totp/…" spellCheck={false} autoComplete="off" autoFocus
          onChange={(e) => { setLink(e.target.value); setError(null); }} aria-invalid={error !== null}
          aria-describedby={describedBy(errorId, error) ?? `verify-hint-${account.id}`} />
      </label>
      <FieldError id={errorId} message={error} />
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy || link.trim() === ''}>{t('verifyButton')}</button>
        <button type="button" onClick={onScan}>{t('navScan')}</button>
        <button type="button" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
