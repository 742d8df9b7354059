import { useState, type FormEvent } from 'react';
import type { CloudStatusView } from '../../lib/messaging/protocol';
import { request } from '../../components/background-client';
import { failureMessage } from '../../components/failure-message';
import { ChangePasswordLink } from '../../components/change-password-link';
import { ErrorOf } from '../../components/field-error';
import { t } from '../../components/i18n';
import { useFieldErrors } from '../../components/use-field-errors';
import { required } from '../../lib/forms/field-problems';
import { useCloudStatus } from './cloud/use-cloud-status';
import { formatNear, formatTime } from './cloud/format-time';
import { PROBLEM_TEXT } from './cloud/problem-text';
import { signInErrorMessage, signInWithMicrosoft } from './cloud/sign-in';
import { RecoveryFlow } from './recovery-flow';
import { KeyChangedNotice } from './cloud/key-changed-notice';
import { turnOnBackup } from './cloud/turn-on-backup';

/** "Next attempt in 1 minute." for a retry within the hour, "Next attempt at <date, time>." beyond. */
function nextRetryText(at: number): string {
  const near = formatNear(at);
  return near ? t('nextRetry', [near]) : t('nextRetryAt', [formatTime(at)]);
}

/** Backup & recovery: the Microsoft account, the "Cloud backup" switch, its status and one-click fixes. */
export function BackupSection({ onChanged }: { onChanged(): void }) {
  const [status, setStatus] = useCloudStatus();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmOff, setConfirmOff] = useState(false);
  const [deleteRemote, setDeleteRemote] = useState(false);
  const [joinPassword, setJoinPassword] = useState('');
  // The join form's password: its errors (empty, wrong) at the field, which gets the focus.
  const joinErrors = useFieldErrors<'join-password'>();
  // The backup waits for a password change (the vault's is known to be too easy to guess).
  const [needsNewPassword, setNeedsNewPassword] = useState(false);


  /** Runs one action; a failure is shown, a success replaces the status. */
  async function act(action: () => Promise<CloudStatusView | null>) {
    setBusy(true);
    setError(null);
    setNeedsNewPassword(false);
    try {
      const next = await action();
      if (next) setStatus(next);
    } catch (e) {
      setError(signInErrorMessage(e));
    } finally {
      setBusy(false);
      onChanged();
    }
  }

  async function send(type: 'cloud.enable' | 'cloud.sync-now' | 'cloud.recreate' | 'cloud.sign-out') {
    const result = await request(type, {});
    if (!result.ok) {
      setError(failureMessage(result.error));
      setNeedsNewPassword(result.error.code === 'password-change-required');
      return null;
    }
    return result.value;
  }

  /** Refuses before any sign-in when the password is known to be too easy to guess. */
  async function passwordMayProtectBackup(): Promise<boolean> {
    const vault = await request('vault.status', {});
    if (!vault.ok || vault.value.passwordCheck !== 'weak') return true;
    setError(t('errorPasswordChangeRequired'));
    setNeedsNewPassword(true);
    return false;
  }

  const signIn = (prompt?: 'select_account') => act(() => signInWithMicrosoft(prompt ? { prompt } : {}));
  const turnOn = () =>
    act(async () => {
      if (!(await passwordMayProtectBackup())) return null;
      return turnOnBackup(status?.account != null);
    });
  const turnOff = () =>
    act(async () => {
      setConfirmOff(false);
      const result = await request('cloud.disable', { deleteRemote });
      if (!result.ok) throw new Error(failureMessage(result.error));
      return result.value;
    });
  const join = (event: FormEvent) => {
    event.preventDefault();
    if (required(joinPassword)) return joinErrors.show({ 'join-password': t('errorFieldRequired', [t('backupPassword')]) });
    joinErrors.show({});
    void act(async () => {
      const result = await request('cloud.join', { password: joinPassword });
      setJoinPassword('');
      if (!result.ok) {
        if (result.error.code === 'wrong-password') joinErrors.show({ 'join-password': t('errorWrongBackupPassword') });
        else setError(failureMessage(result.error));
        return null;
      }
      return result.value;
    });
  };

  if (!status) return null;
  if (!status.configured) {
    return (
      <section aria-labelledby="backup-title" className="stack">
        <h2 id="backup-title">{t('navBackup')}</h2>
        <p className="warning">{t('backupNotConfigured')}</p>
      </section>
    );
  }

  const problem = status.problem;
  return (
    <section aria-labelledby="backup-title" className="stack">
      <h2 id="backup-title">{t('navBackup')}</h2>
      <div className="card stack" data-testid="backup-card">
        <h3>{t('backupTitle')}</h3>
        <p className="muted">{t('backupIntro')}</p>
        {status.account ? (
          <div className="account-line">
            <span data-testid="signed-in-as">{t('signedInAs', [status.account.name, status.account.username])}</span>
            <button type="button" onClick={() => void act(() => send('cloud.sign-out'))} disabled={busy}>{t('signOut')}</button>
          </div>
        ) : (
          // Signed out: one action, and it says what it does (signing in for backup turns backup on).
          <>
            <p id="sign-in-explains">{t('signInToBackUpExplains')}</p>
            <button type="button" className="primary" onClick={() => void turnOn()} disabled={busy} aria-describedby="sign-in-explains">
              {t('signInToBackUp')}
            </button>
          </>
        )}
        {status.account && (
          <label className="checkbox switch">
            <input type="checkbox" role="switch" name="cloudBackup" checked={status.enabled} disabled={busy}
              onChange={(e) => (e.target.checked ? void turnOn() : setConfirmOff(true))} />
            {t('backupSwitch')}
          </label>
        )}
        {confirmOff && (
          <div className="confirm" role="alertdialog" aria-label={t('turnOffTitle')}>
            <p>{t('turnOffTitle')}</p>
            <label className="checkbox">
              <input type="checkbox" name="deleteRemote" checked={deleteRemote} onChange={(e) => setDeleteRemote(e.target.checked)} />
              {t('turnOffDeleteRemote')}
            </label>
            <button type="button" className="danger" onClick={() => void turnOff()}>{t('turnOff')}</button>
            <button type="button" onClick={() => setConfirmOff(false)}>{t('cancel')}</button>
          </div>
        )}
        {status.enabled && (
          <div className="stack" data-testid="backup-status" data-behind={status.behind} data-problem={problem ?? ''}>
            <p>{status.lastSuccessAt ? t('lastBackup', [formatTime(status.lastSuccessAt)]) : t('lastBackupNever')}</p>
            {status.pending && !problem && <p className="muted">{t('backupPending')}</p>}
            {!status.pending && !problem && status.lastSuccessAt && <p className="success">{t('backupUpToDate')}</p>}
            {problem && (
              <div className="problem" role="alert">
                <p className={status.behind ? 'error' : 'warning'}>{t(PROBLEM_TEXT[problem])}</p>
                {status.retryAt && <p className="muted small" data-testid="next-retry">{nextRetryText(status.retryAt)}</p>}
                {problem === 'sign-in-required' && <button type="button" className="primary" onClick={() => void act(async () => { await signInWithMicrosoft({ loginHint: status.account?.username ?? '' }); return send('cloud.sync-now'); })}>{t('signInAgain')}</button>}
                {problem === 'backup-missing' && <button type="button" className="primary" onClick={() => void act(() => send('cloud.recreate'))}>{t('backUpAgain')}</button>}
                {problem === 'remote-damaged' && <button type="button" className="primary" onClick={() => void act(() => send('cloud.recreate'))}>{t('replaceCloudCopy')}</button>}
                {(problem === 'offline' || problem === 'throttled' || problem === 'server-error' || problem === 'pending' || problem === 'needs-unlock') && (
                  <button type="button" className="primary" onClick={() => void act(() => send('cloud.sync-now'))}>{t('retryNow')}</button>
                )}
                {problem === 'forbidden' && <button type="button" onClick={() => void signIn('select_account')}>{t('useAnotherAccount')}</button>}
                {problem === 'needs-password' && status.lastSuccessAt !== null && <KeyChangedNotice />}
                {problem === 'needs-password' && (
                  <form ref={joinErrors.form} className="stack" onSubmit={join} noValidate>
                    <label>
                      {t('backupPassword')}
                      <input type="password" name="join-password" autoComplete="off" value={joinPassword}
                        onChange={(e) => { setJoinPassword(e.target.value); joinErrors.clear('join-password'); }} {...joinErrors.field('join-password')} />
                    </label>
                    <ErrorOf form={joinErrors} field="join-password" />
                    <div className="buttons"><button type="submit" className="primary" disabled={busy}>{t('join')}</button></div>
                  </form>
                )}
              </div>
            )}
            {!problem && <button type="button" onClick={() => void act(() => send('cloud.sync-now'))} disabled={busy}>{t('backupNow')}</button>}
          </div>
        )}
        {error && <p className="error" role="alert" data-testid="backup-error">{error}</p>}
        {needsNewPassword && <ChangePasswordLink />}
      </div>
      <RecoveryFlow initialized onRestored={onChanged} />
    </section>
  );
}
