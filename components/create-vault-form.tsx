import { useState, type FormEvent } from 'react';
import { request } from './background-client';
import { failureMessage } from './failure-message';
import { t } from './i18n';
import { PasswordStrengthMeter } from './password-strength-meter';

/** Shortest password the background accepts (mirrors MIN_PASSWORD_LENGTH there). */
const MIN_LENGTH = 8;

/** First run: choose the password that encrypts the vault (and, later, the backup). */
export function CreateVaultForm({ onCreated, onBeginRecovery }: { onCreated(): void; onBeginRecovery(): void }) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Which field the error is about: the new password (too weak) or the confirmation (differs).
  const [errorField, setErrorField] = useState<'new-password' | 'confirm-password' | null>(null);
  const fail = (field: typeof errorField, message: string) => {
    setError(message);
    setErrorField(field);
    if (field) document.querySelector<HTMLInputElement>(`input[name="${field}"]`)?.focus();
  };
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if ([...password].length < MIN_LENGTH) return fail('new-password', t('errorWeakPassword'));
    if (password !== confirm) return fail('confirm-password', t('errorPasswordsDiffer'));
    setBusy(true);
    const result = await request('vault.create', { password });
    setBusy(false);
    if (result.ok) onCreated();
    else fail(result.error.code === 'weak-password' ? 'new-password' : null, failureMessage(result.error));
  }

  return (
    <form className="stack first-run" onSubmit={submit} aria-labelledby="first-run-title">
      <h1 id="first-run-title">{t('firstRunTitle')}</h1>
      <p className="muted">{t('firstRunIntro')}</p>
      <label>
        {t('fieldNewPassword')}
        <input type="password" name="new-password" autoComplete="new-password" autoFocus value={password}
          onChange={(e) => { setPassword(e.target.value); if (errorField === 'new-password') setError(null); }}
          aria-invalid={error !== null && errorField === 'new-password'} aria-describedby={error && errorField === 'new-password' ? 'create-error' : undefined} />
      </label>
      <PasswordStrengthMeter password={password} />
      <label>
        {t('fieldConfirmPassword')}
        <input type="password" name="confirm-password" autoComplete="new-password" value={confirm}
          onChange={(e) => { setConfirm(e.target.value); if (errorField === 'confirm-password') setError(null); }}
          aria-invalid={error !== null && errorField === 'confirm-password'} aria-describedby={error && errorField === 'confirm-password' ? 'create-error' : undefined} />
      </label>
      <p className="muted small">{t('firstRunPasswordHint')}</p>
      {error && <p className="error" role="alert" id="create-error">{error}</p>}
      <button type="submit" className="primary" disabled={busy}>{t('createVault')}</button>
      <div className="divider"><span>{t('or')}</span></div>
      <button type="button" onClick={onBeginRecovery}>{t('beginRecovery')}</button>
    </form>
  );
}
