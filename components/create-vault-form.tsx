import { useState, type FormEvent } from 'react';
import { request } from './background-client';
import { choosePassword } from './choose-password';
import { failureMessage } from './failure-message';
import { t } from './i18n';
import { NewPasswordFields, type NewPasswordField } from './new-password-fields';

/** First run: choose the password that encrypts the vault (and, later, the backup). */
export function CreateVaultForm({ onCreated, onBeginRecovery }: { onCreated(): void; onBeginRecovery(): void }) {
  const [fields, setFields] = useState({ password: '', confirm: '' });
  const [error, setError] = useState<string | null>(null);
  // Which field the error is about: the new password (too weak) or the confirmation (differs).
  const [errorField, setErrorField] = useState<NewPasswordField | null>(null);
  const fail = (field: typeof errorField, message: string) => {
    setError(message);
    setErrorField(field);
    if (field) document.querySelector<HTMLInputElement>(`input[name="${field}"]`)?.focus();
  };
  const [busy, setBusy] = useState(false);

  function change(next: typeof fields) {
    if (errorField === 'new-password' && next.password !== fields.password) setError(null);
    if (errorField === 'confirm-password' && next.confirm !== fields.confirm) setError(null);
    setFields(next);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const choice = await choosePassword(fields.password, fields.confirm);
    if (!choice.ok) {
      setBusy(false);
      return fail(choice.field, choice.message);
    }
    const result = await request('vault.create', { password: fields.password, score: choice.score });
    setBusy(false);
    if (result.ok) onCreated();
    else fail(result.error.code === 'weak-password' ? 'new-password' : null, failureMessage(result.error));
  }

  return (
    <form className="stack first-run" onSubmit={submit} aria-labelledby="first-run-title">
      <h1 id="first-run-title">{t('firstRunTitle')}</h1>
      <p className="muted">{t('firstRunIntro')}</p>
      <NewPasswordFields password={fields.password} confirm={fields.confirm} onChange={change}
        errorField={error ? errorField : null} errorId="create-error" autoFocus />
      <p className="muted small">{t('firstRunPasswordHint')}</p>
      {error && <p className="error" role="alert" id="create-error">{error}</p>}
      <button type="submit" className="primary" disabled={busy}>{t('createVault')}</button>
      <div className="divider"><span>{t('or')}</span></div>
      <button type="button" onClick={onBeginRecovery}>{t('beginRecovery')}</button>
    </form>
  );
}
