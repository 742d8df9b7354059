import { useEffect, useState } from 'react';
import { request } from '../../components/background-client';
import { t } from '../../components/i18n';
import { useCloudStatus } from './cloud/use-cloud-status';
import { signInErrorMessage } from './cloud/sign-in';
import { turnOnBackup } from './cloud/turn-on-backup';

/**
 * "Back up your accounts": shown while backup is off (in a build that can back
 * up), on the empty account list, after an account is added and after a restore.
 * One button signs in if needed and turns backup on; then Backup & recovery
 * shows how it went (or, for a too-weak password, what to change first).
 * "Not now" puts it off everywhere, kept in storage (docs/popup-display.md).
 */
export function BackupNudge({ onTurnedOn }: { onTurnedOn(): void }) {
  const [status, setStatus] = useCloudStatus();
  // "Not now" lasts across restarts: a week, or until 3 more accounts (docs/popup-display.md).
  // Unknown until asked: nothing shows rather than a suggestion that then vanishes.
  const [snoozed, setSnoozed] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void request('backup-nudge.get', {}).then((result) => setSnoozed(result.ok ? result.value.snoozed : false));
  }, []);

  if (!status || !status.configured || status.enabled || snoozed !== false) return null;

  async function notNow() {
    setSnoozed(true);
    await request('backup-nudge.snooze', {});
  }

  async function turnOn() {
    setBusy(true);
    setError(null);
    try {
      // A vault password known to be too weak must change before it protects a backup:
      // Backup & recovery says so and offers the change.
      const vault = await request('vault.status', {});
      if (vault.ok && vault.value.passwordCheck === 'weak') return onTurnedOn();
      setStatus(await turnOnBackup(status?.account != null));
      onTurnedOn();
    } catch (e) {
      setError(signInErrorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <aside className="card stack nudge" aria-labelledby="nudge-title" data-testid="backup-nudge">
      <h3 id="nudge-title">{t('nudgeTitle')}</h3>
      <p>{t('nudgeText')}</p>
      <div className="buttons">
        <button type="button" className="primary" onClick={() => void turnOn()} disabled={busy}>
          {status.account ? t('turnOnBackup') : t('signInToBackUp')}
        </button>
        <button type="button" onClick={() => void notNow()} data-testid="nudge-not-now">{t('notNow')}</button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
    </aside>
  );
}
