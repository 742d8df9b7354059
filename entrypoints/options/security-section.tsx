import { useEffect, useState, type FormEvent } from 'react';
import { request } from '../../components/background-client';
import { failureMessage } from '../../components/failure-message';
import { t } from '../../components/i18n';
import { choosePassword } from '../../components/choose-password';
import { NewPasswordFields, type NewPasswordField } from '../../components/new-password-fields';
import { ErrorOf } from '../../components/field-error';
import { useFieldErrors } from '../../components/use-field-errors';
import { required } from '../../lib/forms/field-problems';
import type { ErrorCode } from '../../lib/messaging/protocol';

type PasswordField = NewPasswordField | 'current-password';

/** The field a refused change is about. */
const FIELD_OF: Partial<Record<ErrorCode, PasswordField>> = { 'wrong-password': 'current-password', 'weak-password': 'new-password' };
import type { PasswordCheckState } from '../../lib/messaging/protocol';
import { PopupDisplaySettings } from './popup-display-settings';

const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 240, 1440];
/** Seconds; 0 = never. A delay set otherwise (5…600) is shown too. */
const CLIPBOARD_CHOICES = [0, 15, 30, 60, 120, 300];

const clipboardChoiceText = (seconds: number) =>
  seconds === 0 ? t('clipboardNever') : seconds % 60 === 0 ? t('minutes', [String(seconds / 60)]) : t('seconds', [String(seconds)]);

/** Change password, automatic lock, lock now. */
export function SecuritySection({ onLocked }: { onLocked(): void }) {
  const [autoLock, setAutoLock] = useState<number | null>(null);
  const [clipboardSeconds, setClipboardSeconds] = useState<number | null>(null);
  const [clipboardSaved, setClipboardSaved] = useState(false);
  const [current, setCurrent] = useState('');
  const [fields, setFields] = useState({ password: '', confirm: '' });
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const errors = useFieldErrors<PasswordField>();
  const [rekey, setRekey] = useState(false);
  const [passwordCheck, setPasswordCheck] = useState<PasswordCheckState | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void request('vault.status', {}).then((result) => {
      if (result.ok) setPasswordCheck(result.value.passwordCheck ?? null);
    });
    void request('settings.get', {}).then((result) => {
      if (!result.ok) return;
      setAutoLock(result.value.autoLockMinutes);
      setClipboardSeconds(result.value.clipboardClearSeconds);
    });
  }, []);

  async function changePassword(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const choice = await choosePassword(fields.password, fields.confirm);
    // Every field's problem at once: the current password left empty included.
    const currentMissing = required(current) ? t('errorFieldRequired', [t('fieldCurrentPassword')]) : undefined;
    if (!choice.ok || currentMissing) return errors.show({ ...(currentMissing ? { 'current-password': currentMissing } : {}), ...(choice.ok ? {} : choice.errors) });
    const change = { currentPassword: current, newPassword: fields.password, score: choice.score };
    const result = await request(rekey ? 'vault.rekey' : 'vault.change-password', change);
    if (!result.ok) {
      const field = FIELD_OF[result.error.code];
      return field ? errors.show({ [field]: failureMessage(result.error) }) : setMessage({ kind: 'error', text: failureMessage(result.error) });
    }
    setCurrent('');
    setFields({ password: '', confirm: '' });
    setPasswordCheck('meets-policy');
    setMessage({ kind: 'success', text: t(rekey ? 'passwordChangedRekeyed' : 'passwordChanged') });
  }

  async function saveAutoLock(minutes: number) {
    setAutoLock(minutes);
    const result = await request('settings.update', { autoLockMinutes: minutes });
    setSaved(result.ok);
  }

  async function saveClipboardSeconds(seconds: number) {
    setClipboardSeconds(seconds);
    const result = await request('settings.update', { clipboardClearSeconds: seconds });
    setClipboardSaved(result.ok);
  }

  async function lockNow() {
    await request('vault.lock', {});
    onLocked();
  }

  return (
    <section aria-labelledby="security-title" className="stack">
      <h2 id="security-title">{t('navSecurity')}</h2>

      <div className="card stack">
        <h3>{t('autoLockTitle')}</h3>
        <label>
          {t('autoLockLabel')}
          <select name="autoLock" value={autoLock ?? ''} disabled={autoLock === null}
            onChange={(e) => void saveAutoLock(Number(e.target.value))}>
            {AUTO_LOCK_CHOICES.map((m) => (
              <option key={m} value={m}>{t('minutes', [String(m)])}</option>
            ))}
          </select>
        </label>
        {saved && <p className="success small" role="status">{t('saved')}</p>}
        <p className="muted small">{t('autoLockHelp')}</p>
        <button type="button" onClick={() => void lockNow()} data-testid="lock-now">{t('lockNow')}</button>
      </div>

      <div className="card stack">
        <h3>{t('clipboardTitle')}</h3>
        <label>
          {t('clipboardLabel')}
          <select name="clipboardClear" value={clipboardSeconds ?? ''} disabled={clipboardSeconds === null}
            onChange={(e) => void saveClipboardSeconds(Number(e.target.value))}>
            {[...new Set([...CLIPBOARD_CHOICES, ...(clipboardSeconds === null ? [] : [clipboardSeconds])])].sort((a, b) => a - b).map((s) => (
              <option key={s} value={s}>{clipboardChoiceText(s)}</option>
            ))}
          </select>
        </label>
        {clipboardSaved && <p className="success small" role="status">{t('saved')}</p>}
        <p className="muted small">{t('clipboardHelp')}</p>
      </div>

      <PopupDisplaySettings />

      <form ref={errors.form} className="card stack" onSubmit={changePassword} aria-labelledby="password-title" data-testid="change-password-form" noValidate>
        <h3 id="password-title">{t('changePasswordTitle')}</h3>
        {passwordCheck === 'weak' && <p className="warning" role="note" data-testid="password-weak-notice">{t('passwordWeakNotice')}</p>}
        <label>
          {t('fieldCurrentPassword')}
          <input type="password" name="current-password" autoComplete="current-password" value={current}
            onChange={(e) => { setCurrent(e.target.value); errors.clear('current-password'); }} {...errors.field('current-password')} />
        </label>
        <ErrorOf form={errors} field="current-password" />
        <NewPasswordFields password={fields.password} confirm={fields.confirm} onChange={setFields} errors={errors} />
        <label className="checkbox">
          <input type="checkbox" name="rekey" checked={rekey} onChange={(e) => setRekey(e.target.checked)} aria-describedby="rekey-help" />
          {t('rekeyLabel')}
        </label>
        <p className="muted small" id="rekey-help">{t('rekeyHelp')}</p>
        {message && <p className={message.kind} role={message.kind === 'error' ? 'alert' : 'status'} id="change-password-message">{message.text}</p>}
        <button type="submit" className="primary">{t('changePassword')}</button>
      </form>
    </section>
  );
}
