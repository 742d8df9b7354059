import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { request } from '../../components/background-client';
import { t } from '../../components/i18n';
import { AlertIcon, LockIcon, SettingsIcon } from '../../components/icons';
import { CodeList } from './code-list';
import { useSnapshot } from './use-snapshot';
import { LazySiteFill } from './site-fill-entry';
import { LazyScanPanel, ScanButton, ScanFoundBanner, type ScanStart } from './scan-entry';

// The forms of the first run and the locked state are not on the start path of an
// unlocked popup (the one that shows codes). Their chunk starts loading at once, in
// parallel with the snapshot, and is awaited only when needed — not React.lazy,
// whose Suspense reveal throttling would hold the unlock form back ~300 ms.
const forms = import('./popup-forms');
type Forms = Awaited<typeof forms>;

function useForms(): Forms | null {
  const [loaded, setLoaded] = useState<Forms | null>(null);
  useEffect(() => {
    let live = true;
    void forms.then((m) => live && setLoaded(m));
    return () => {
      live = false;
    };
  }, []);
  return loaded;
}

/** Opens a section of the options page (the popup closes when it loses focus). */
export function openOptions(section: string): void {
  // Closed only once the tab exists: Firefox drops a call still pending from a closing page.
  void browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}#${section}` }).finally(() => window.close());
}

/** The toolbar popup: first run, locked, or the accounts with their live codes. */
export function PopupApp() {
  const { snapshot, error, reload: load } = useSnapshot();
  const loadedForms = useForms();
  const [scan, setScan] = useState<ScanStart | null>(null);

  async function lock() {
    await request('vault.lock', {});
    await load();
  }

  if (error) return <p className="error" role="alert">{error}</p>;
  // Nothing until the one round trip answers: it is faster than a spinner would be to notice.
  if (!snapshot) return null;

  switch (snapshot.status.state) {
    case 'uninitialized':
      return (
        <main className="popup-body">
          {loadedForms && <loadedForms.CreateVaultForm onCreated={load} onBeginRecovery={() => openOptions('recovery')} />}
        </main>
      );
    case 'locked':
      return (
        <main className="popup-body">
          {loadedForms && <loadedForms.UnlockForm onUnlocked={load} />}
        </main>
      );
    case 'unlocked':
      return (
        <>
          <header className="popup-header">
            <h1>{t('extShortName')}</h1>
            {snapshot.backupBehind && (
              // Words, not only a red icon: what is wrong and that a click fixes it.
              <button type="button" className="alert-chip" onClick={() => openOptions('backup')} data-testid="backup-alert">
                <AlertIcon /> {t('backupAlert')} — {t('fix')}
              </button>
            )}
            <ScanButton onClick={() => setScan({})} />
            <button type="button" className="icon" onClick={() => openOptions('accounts')} title={t('openOptions')} aria-label={t('openOptions')}>
              <SettingsIcon />
            </button>
            <button type="button" className="icon" onClick={lock} title={t('lockNow')} aria-label={t('lockNow')} data-testid="lock">
              <LockIcon />
            </button>
          </header>
          {scan ? (
            <LazyScanPanel start={scan} onClose={() => setScan(null)} onAdded={load} />
          ) : (
            <>
              <ScanFoundBanner onOpen={setScan} />
              {snapshot.accounts.length > 0 && <LazySiteFill accounts={snapshot.accounts} />}
              <CodeList accounts={snapshot.accounts} initialCodes={snapshot.codes} onAddAccount={() => openOptions('add')} onLocked={load}
                onVerify={(account) => openOptions(`verify-${account.id}`)} />
            </>
          )}
        </>
      );
  }
}
