import { useState } from 'react';
import { suggestPassphraseInPage, type NewPasswordField } from './choose-password';
import { ErrorOf } from './field-error';
import { t } from './i18n';
import { PasswordStrengthMeter } from './password-strength-meter';
import type { FieldErrors } from './use-field-errors';

export type { NewPasswordField };

interface Props {
  password: string;
  confirm: string;
  onChange(next: { password: string; confirm: string }): void;
  /** The form's errors (components/use-field-errors.ts): each field shows its own, a changed field loses it. */
  errors: FieldErrors<NewPasswordField>;
  autoFocus?: boolean;
}

/**
 * A new password and its confirmation, with the strength meter and a suggested
 * passphrase (filled into both fields and shown, so it can be written down).
 */
export function NewPasswordFields({ password, confirm, onChange, errors, autoFocus = false }: Props) {
  const [suggestion, setSuggestion] = useState<{ text: string; bits: number } | null>(null);

  function change(next: { password: string; confirm: string }) {
    if (next.password !== password) errors.clear('new-password');
    if (next.confirm !== confirm) errors.clear('confirm-password');
    onChange(next);
  }

  async function suggest() {
    const next = await suggestPassphraseInPage();
    setSuggestion(next);
    change({ password: next.text, confirm: next.text });
  }

  return (
    <>
      <label>
        {t('fieldNewPassword')}
        <input type="password" name="new-password" autoComplete="new-password" autoFocus={autoFocus} value={password}
          onChange={(e) => change({ password: e.target.value, confirm })} {...errors.field('new-password')} />
      </label>
      <ErrorOf form={errors} field="new-password" />
      <PasswordStrengthMeter password={password} />
      <div className="buttons">
        <button type="button" onClick={() => void suggest()} data-testid="suggest-passphrase">{t('suggestPassphrase')}</button>
      </div>
      {suggestion && suggestion.text === password && (
        <div className="suggestion" role="status" data-testid="suggested-passphrase">
          <p className="small">{t('suggestedPassphrase')}</p>
          <p><code data-testid="suggested-passphrase-text">{suggestion.text}</code></p>
          <p className="muted small">{t('suggestedPassphraseHint', [String(suggestion.bits)])}</p>
        </div>
      )}
      <label>
        {t('fieldConfirmPassword')}
        <input type="password" name="confirm-password" autoComplete="new-password" value={confirm}
          onChange={(e) => change({ password, confirm: e.target.value })} {...errors.field('confirm-password')} />
      </label>
      <ErrorOf form={errors} field="confirm-password" />
    </>
  );
}
