import { useEffect, useState, type FormEvent } from 'react';
import type { BackupInspection, CloudStatusView, ProtocolFailure, RestorePlan } from '../../lib/messaging/protocol';
import { request } from '../../components/background-client';
import { usePageEvents } from '../../components/use-page-events';
import { failureMessage } from '../../components/failure-message';
import { ErrorOf } from '../../components/field-error';
import { useFieldErrors } from '../../components/use-field-errors';
import { required } from '../../lib/forms/field-problems';
import { t, tn, type MessageKey } from '../../components/i18n';
import { restoreTally, type RestoreChoice } from '../../lib/backup/restore-tally';
import { BackupNudge } from './backup-nudge';
import { formatTime } from './cloud/format-time';
import { signInErrorMessage, signInWithMicrosoft } from './cloud/sign-in';
import { accountLabel } from '../../lib/display/account-label';

const REASON_TEXT: Record<RestorePlan['skipped'][number]['reason'], MessageKey> = {
  'same-issuer-and-name': 'skipReasonSameName',
  'same-secret': 'skipReasonSameSecret',
  'same-id': 'skipReasonSameId',
};

const label = accountLabel;

/**
 * "Begin recovery": sign in → see what the backup holds → its password →
 * restore. Into an empty extension the backup becomes the vault; next to
 * existing accounts nothing is overwritten without a choice per account.
 */
export function RecoveryFlow({ initialized, onRestored, onBack }: {
  initialized: boolean;
  onRestored(summary: string): void;
  /** First run: the flow is the whole page (its own h1, no card) with a way back. */
  onBack?(): void;
}) {
  const [account, setAccount] = useState<CloudStatusView['account']>(null);
  const [inspection, setInspection] = useState<BackupInspection | null>(null);
  const [password, setPassword] = useState('');
  const [plan, setPlan] = useState<RestorePlan | null>(null);
  const [choices, setChoices] = useState<Record<string, RestoreChoice>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // The password field's own error (empty, wrong): at the field, which gets the focus.
  const errors = useFieldErrors<'backup-password'>();

  /** A refused restore: a wrong password is said at its field, anything else under the flow. */
  function refused(failure: ProtocolFailure) {
    if (failure.code === 'wrong-password') errors.show({ 'backup-password': t('errorWrongBackupPassword') });
    else setMessage({ kind: 'error', text: failureMessage(failure) });
  }

  async function inspect() {
    const result = await request('recovery.inspect', {});
    if (result.ok) setInspection(result.value);
    else setMessage({ kind: 'error', text: failureMessage(result.error) });
  }

  const readAccount = () => void request('cloud.status', {}).then((result) => result.ok && setAccount(result.value.account));
  useEffect(readAccount, []);
  // Signed in or out elsewhere (e.g. at the top of Backup & recovery): offer what fits now.
  usePageEvents(['cloud'], readAccount);

  async function signIn(prompt?: 'select_account') {
    setMessage(null);
    setBusy(true);
    try {
      const status = await signInWithMicrosoft(prompt ? { prompt } : {});
      setAccount(status.account);
      setInspection(null);
      setPlan(null);
      await inspect();
    } catch (error) {
      setMessage({ kind: 'error', text: signInErrorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    if (required(password)) return errors.show({ 'backup-password': t('errorFieldRequired', [t('backupPassword')]) });
    errors.show({});
    setBusy(true);
    if (!initialized) {
      const result = await request('recovery.restore', { password });
      setBusy(false);
      if (!result.ok) return refused(result.error);
      const summary = tn('restoredCount', result.value.restored, [String(result.value.restored)]);
      setMessage({ kind: 'success', text: summary });
      onRestored(summary);
      return;
    }
    const result = await request('recovery.plan', { password });
    setBusy(false);
    if (!result.ok) return refused(result.error);
    setPlan(result.value);
    setChoices({});
  }

  async function apply() {
    if (!plan) return;
    setBusy(true);
    const chosen = Object.fromEntries(Object.entries(choices).filter(([, c]) => c !== 'skip')) as Record<string, 'keep-both' | 'replace'>;
    const result = await request('recovery.apply', { password, choices: chosen });
    setBusy(false);
    if (!result.ok) return refused(result.error);
    const { added, replaced, skipped } = result.value;
    const summary = t('restoreResult', [String(added), String(replaced), String(skipped)]);
    setMessage({ kind: 'success', text: summary });
    setPlan(null);
    setPassword('');
    onRestored(summary);
  }

  const tally = plan ? restoreTally(plan.toAdd.length, plan.skipped.map((s) => s.incoming.id), choices) : null;
  const restoring = tally ? tally.add + tally.replace : 0;

  return (
    <section className={onBack ? 'stack' : 'card stack'} data-testid="recovery" aria-labelledby="recovery-title">
      {onBack && <button type="button" className="back" onClick={onBack}>← {t('back')}</button>}
      {onBack ? <h1 id="recovery-title">{t('recoveryTitle')}</h1> : <h3 id="recovery-title">{t('recoveryTitle')}</h3>}
      <p className="muted">{t('recoveryIntro')}</p>
      {!account ? (
        // Primary only where restoring is the page's purpose (first run); under Backup & recovery, backing up is.
        <button type="button" className={onBack ? 'primary' : undefined} onClick={() => void signIn()} disabled={busy}>{t('signInToRestore')}</button>
      ) : !inspection ? (
        <button type="button" className="primary" onClick={() => void inspect()} disabled={busy}>{t('beginRecovery')}</button>
      ) : !inspection.found ? (
        <div className="stack">
          <p className="warning" data-testid="no-backup">{t('noBackupFor', [inspection.username])}</p>
          <button type="button" onClick={() => void signIn('select_account')} disabled={busy}>{t('useAnotherAccount')}</button>
        </div>
      ) : (
        <form ref={errors.form} className="stack" onSubmit={submit} noValidate>
          <p data-testid="backup-summary">
            {tn('backupFound', inspection.accountCount, [inspection.username, String(inspection.accountCount), formatTime(inspection.createdAt), inspection.browser])}
          </p>
          <label>
            {t('backupPassword')}
            {/* Shown when the sign-in button the keyboard was on goes away: typing goes on here. */}
            <input type="password" name="backup-password" autoComplete="off" value={password} autoFocus
              onChange={(e) => { setPassword(e.target.value); errors.clear('backup-password'); }} {...errors.field('backup-password')} />
          </label>
          <ErrorOf form={errors} field="backup-password" />
          {!plan && <button type="submit" className="primary" disabled={busy}>{initialized ? t('checkBackup') : t('restore')}</button>}
          <button type="button" onClick={() => void signIn('select_account')} disabled={busy}>{t('useAnotherAccount')}</button>
        </form>
      )}
      {plan && tally && (
        <div className="stack" data-testid="restore-plan">
          <h4>{t('restoreToAdd', [String(plan.toAdd.length)])}</h4>
          <ul>{plan.toAdd.map((a) => <li key={a.id}>{label(a)}</li>)}</ul>
          <h4>{t('restoreSkipped', [String(plan.skipped.length)])}</h4>
          <ul>
            {plan.skipped.map(({ incoming, reason }) => (
              <li key={incoming.id} data-testid="skipped-account">
                <span>{label(incoming)}</span> <span className="muted small">{t(REASON_TEXT[reason])}</span>{' '}
                <select name={`choice-${incoming.id}`} aria-label={label(incoming)} value={choices[incoming.id] ?? 'skip'}
                  onChange={(e) => setChoices((c) => ({ ...c, [incoming.id]: e.target.value as RestoreChoice }))}>
                  <option value="skip">{t('choiceSkip')}</option>
                  {/* The same secret gives the same codes: two of it would only be a double. */}
                  {reason !== 'same-secret' && <option value="keep-both">{t('choiceKeepBoth')}</option>}
                  <option value="replace">{t('choiceReplace')}</option>
                </select>
              </li>
            ))}
          </ul>
          <p data-testid="restore-summary">{t('restorePlanSummary', [String(tally.add), String(tally.replace), String(tally.leave)])}</p>
          <button type="button" className="primary" onClick={() => void apply()} disabled={busy || restoring === 0}>
            {restoring === 0 ? t('restoreNothing') : tn('restoreAccounts', restoring, [String(restoring)])}
          </button>
        </div>
      )}
      {message && <p className={message.kind} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="recovery-message">{message.text}</p>}
      {/* Restored next to existing accounts with backup off: the moment to suggest it (on stays on). */}
      {initialized && message?.kind === 'success' && <BackupNudge onTurnedOn={() => setMessage(null)} />}
    </section>
  );
}
