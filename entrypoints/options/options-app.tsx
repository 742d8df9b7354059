import { useCallback, useEffect, useRef, useState } from 'react';
import type { Snapshot } from '../../lib/messaging/protocol';
import { request } from '../../components/background-client';
import { CreateVaultForm } from '../../components/create-vault-form';
import { failureMessage } from '../../components/failure-message';
import { t, type MessageKey } from '../../components/i18n';
import { AlertIcon } from '../../components/icons';
import { UnlockForm } from '../../components/unlock-form';
import { AccountsSection } from './accounts-section';
import { AddAccountSection } from './add-account-section';
import { ScanSection } from './scan-section';
import { BackupSection } from './backup-section';
import { RecoveryFlow } from './recovery-flow';
import { SecuritySection } from './security-section';
import { TransferSection } from './transfer-section';
import { useHashSection, verifyIdOf, type Section } from './use-hash-section';
import { usePageEvents } from '../../components/use-page-events';

const NAV: { section: Section; label: MessageKey }[] = [
  { section: 'accounts', label: 'navAccounts' },
  { section: 'add', label: 'navAdd' },
  { section: 'scan', label: 'navScan' },
  { section: 'security', label: 'navSecurity' },
  { section: 'backup', label: 'navBackup' },
  { section: 'transfer', label: 'navTransfer' },
];

/** The options page: accounts, adding, security, backup & recovery. */
export function OptionsApp() {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A result to confirm once the page has moved on (a first-run restore lands on Accounts).
  const [notice, setNotice] = useState<string | null>(null);
  const [section, go, hash] = useHashSection();

  // Reads can overlap (an event per change); only the newest read may paint, or an
  // older answer arriving late would show a state the vault has already left.
  const latestRead = useRef(0);
  const reload = useCallback(async () => {
    const read = ++latestRead.current;
    const result = await request('vault.snapshot', {});
    if (read !== latestRead.current) return;
    if (result.ok) {
      setSnapshot(result.value);
      setError(null);
    } else setError(failureMessage(result.error));
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);
  // Locked or unlocked elsewhere (or automatically), accounts merged from another device, the backup falling behind.
  usePageEvents(['vault', 'accounts', 'cloud'], () => void reload());

  if (error) return <p className="error" role="alert">{error}</p>;
  if (!snapshot) return null;

  const state = snapshot.status.state;
  if (state === 'uninitialized' && section === 'recovery') {
    return (
      <main className="narrow">
        <RecoveryFlow initialized={false} onBack={() => go('accounts')}
          onRestored={(summary) => { setNotice(summary); go('accounts'); void reload(); }} />
      </main>
    );
  }
  if (state === 'uninitialized') {
    return (
      <main className="narrow">
        <CreateVaultForm onCreated={() => { go('accounts'); void reload(); }} onBeginRecovery={() => go('recovery')} />
      </main>
    );
  }
  if (state === 'locked') {
    return (
      <main className="narrow">
        <UnlockForm onUnlocked={reload} />
      </main>
    );
  }

  return (
    <div className="options-layout">
      <nav aria-label={t('optionsTitle')}>
        <h1>{t('extShortName')}</h1>
        <ul>
          {NAV.map(({ section: s, label }) => (
            <li key={s}>
              <a href={`#${s}`} aria-current={section === s || (s === 'backup' && section === 'recovery') ? 'page' : undefined}>
                {t(label)}
                {s === 'backup' && snapshot.backupBehind && (
                  <span className="nav-alert" title={t('backupAlert')} aria-label={t('backupAlert')} data-testid="nav-backup-alert">
                    <AlertIcon />
                  </span>
                )}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        {notice && (
          <div className="notice" role="status" data-testid="notice">
            <p className="success">{notice}</p>
            <button type="button" onClick={() => setNotice(null)}>{t('dismiss')}</button>
          </div>
        )}
        {section === 'accounts' && <AccountsSection accounts={snapshot.accounts} onChanged={reload} onAdd={() => go('add')} onBackupOn={() => go('backup')}
          verifyId={verifyIdOf(hash)} onScan={() => go('scan')} />}
        {section === 'add' && <AddAccountSection accounts={snapshot.accounts} onAdded={() => { void reload(); }} onBackupOn={() => go('backup')} />}
        {section === 'scan' && <ScanSection onAdded={() => { void reload(); }} />}
        {section === 'security' && <SecuritySection onLocked={reload} />}
        {(section === 'backup' || section === 'recovery') && <BackupSection onChanged={() => void reload()} />}
        {section === 'transfer' && <TransferSection onImported={() => { void reload(); }} />}
      </main>
    </div>
  );
}
