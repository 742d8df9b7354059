import { useEffect, useState, type FormEvent } from 'react';
import { request } from './background-client';
import { fileVerdictOf } from './choose-password';
import { failureMessage } from './failure-message';
import { ErrorOf } from './field-error';
import { t, uiLanguage } from './i18n';
import { useFieldErrors } from './use-field-errors';

/** The locked screen: one password field, Enter unlocks. */
export function UnlockForm({ onUnlocked }: { onUnlocked(): void }) {
  const [password, setPassword] = useState('');
  const errors = useFieldErrors<'password'>();
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState<{ browser: string; at: number } | null>(null);
  // Another device changed the password and this one adopted it: say so before the old one is tried.
  useEffect(() => {
    let live = true;
    void request('vault.status', {}).then((result) => {
      if (live && result.ok && result.value.passwordChangedElsewhere) setChanged(result.value.passwordChangedElsewhere);
    });
    return () => {
      live = false;
    };
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password === '') return errors.show({ password: t('errorFieldRequired', [t('fieldPassword')]) });
    setBusy(true);
    const result = await request('vault.unlock', { password });
    setBusy(false);
    if (result.ok) {
      setPassword('');
      onUnlocked();
      // A password set before the policy (or adopted from another device): judged once, here.
      if (result.value.passwordCheck === 'unchecked') void fileVerdictOf(password);
    } else {
      errors.show({ password: failureMessage(result.error) });
      setPassword('');
    }
  }

  return (
    <form ref={errors.form} className="stack unlock" onSubmit={submit} aria-labelledby="unlock-title" noValidate>
      <h1 id="unlock-title">{t('unlockTitle')}</h1>
      <label>
        {t('fieldPassword')}
        <input type="password" name="password" autoComplete="current-password" autoFocus value={password}
          onChange={(e) => { setPassword(e.target.value); errors.clear('password'); }} {...errors.field('password', changed ? 'unlock-changed' : undefined)} />
      </label>
      <ErrorOf form={errors} field="password" />
      {changed && (
        <p data-testid="password-changed-elsewhere" id="unlock-changed">
          {t('passwordChangedElsewhereUnlock', [changed.browser, new Intl.DateTimeFormat(uiLanguage(), { day: 'numeric', month: 'short' }).format(changed.at)])}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>{busy ? t('unlocking') : t('unlock')}</button>
    </form>
  );
}
