import { useState, type FormEvent } from 'react';
import { request } from './background-client';
import { choosePassword, type NewPasswordField } from './choose-password';
import { failureMessage } from './failure-message';
import { t } from './i18n';
import { NewPasswordFields } from './new-password-fields';
import { useFieldErrors } from './use-field-errors';

/** First run: choose the password that encrypts the vault (and, later, the backup). */
export function CreateVaultForm({ onCreated, onBeginRecovery }: { onCreated(): void; onBeginRecovery(): void }) {
  const [fields, setFields] = useState({ password: '', confirm: '' });
  const errors = useFieldErrors<NewPasswordField>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    const choice = await choosePassword(fields.password, fields.confirm);
    if (!choice.ok) {
      setBusy(false);
      return errors.show(choice.errors);
    }
    const result = await request('vault.create', { password: fields.password, score: choice.score });
    setBusy(false);
    if (result.ok) onCreated();
    else if (result.error.code === 'weak-password') errors.show({ 'new-password': failureMessage(result.error) });
    else setError(failureMessage(result.error));
  }

  return (
    <form ref={errors.form} className="stack first-run" onSubmit={submit} aria-labelledby="first-run-title" noValidate>
      <h1 id="first-run-title">{t('firstRunTitle')}</h1>
      <p className="muted">{t('firstRunIntro')}</p>
      <NewPasswordFields password={fields.password} confirm={fields.confirm} onChange={setFields} errors={errors} autoFocus />
      <p className="muted small">{t('firstRunPasswordHint')}</p>
      {error && <p className="error" role="alert" id="create-error">{error}</p>}
      <button type="submit" className="primary" disabled={busy}>{t('createVault')}</button>
      <div className="divider"><span>{t('or')}</span></div>
      <button type="button" onClick={onBeginRecovery}>{t('beginRecovery')}</button>
    </form>
  );
}
