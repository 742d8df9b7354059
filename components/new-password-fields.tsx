import { useState } from 'react';
import { suggestPassphraseInPage } from './choose-password';
import { t } from './i18n';
import { PasswordStrengthMeter } from './password-strength-meter';

/** Which of the two fields an error is about. */
export type NewPasswordField = 'new-password' | 'confirm-password';

interface Props {
  password: string;
  confirm: string;
  onChange(next: { password: string; confirm: string }): void;
  /** The error shown under the form, and the field it is about (marked invalid and described by it). */
  errorField: NewPasswordField | null;
  errorId: string;
  autoFocus?: boolean;
}

/**
 * A new password and its confirmation, with the strength meter and a suggested
 * passphrase (filled into both fields and shown, so it can be written down).
 */
export function NewPasswordFields({ password, confirm, onChange, errorField, errorId, autoFocus = false }: Props) {
  const [suggestion, setSuggestion] = useState<{ text: string; bits: number } | null>(null);
  const invalid = (field: NewPasswordField) => ({
    'aria-invalid': errorField === field,
    'aria-describedby': errorField === field ? errorId : undefined,
  });

  async function suggest() {
    const next = await suggestPassphraseInPage();
    setSuggestion(next);
    onChange({ password: next.text, confirm: next.text });
  }

  return (
    <>
      <label>
        {t('fieldNewPassword')}
        <input type="password" name="new-password" autoComplete="new-password" autoFocus={autoFocus} value={password}
          onChange={(e) => onChange({ password: e.target.value, confirm })} {...invalid('new-password')} />
      </label>
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
          onChange={(e) => onChange({ password, confirm: e.target.value })} {...invalid('confirm-password')} />
      </label>
    </>
  );
}
