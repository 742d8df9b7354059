import { useCallback, useEffect, useState } from 'react';
import type { ScanView } from '../../lib/scan/scan-view';
import { request } from '../../components/background-client';
import { failureMessage } from '../../components/failure-message';
import { t } from '../../components/i18n';
import { ScanFoundList } from '../../components/scan-found-list';
import type { ScanStart } from './scan-found-banner';
import { scanTargetTab } from './scan-target-tab';

/**
 * "Scan this page" in the popup: asks the background to scan the tab (it injects
 * the collector under activeTab and decodes), then lists what was found, each
 * with "Add". Adding sends only the key: the background adds its own copy.
 */
export default function ScanPanel({ start, onClose, onAdded }: { start: ScanStart; onClose(): void; onAdded(): void }) {
  const [tabId, setTabId] = useState<number | null>(start.found?.tabId ?? null);
  const [view, setView] = useState<ScanView | null>(start.found?.view ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);

  const scan = useCallback(async () => {
    performance.mark('scan-requested');
    setScanning(true);
    setError(null);
    const id = tabId ?? (await scanTargetTab());
    if (id === null) {
      setScanning(false);
      return setError(t('errorScanNotAllowed'));
    }
    setTabId(id);
    const answer = await request('scan.tab', { tabId: id });
    setScanning(false);
    if (answer.ok) setView(answer.value);
    else setError(failureMessage(answer.error));
  }, [tabId]);

  useEffect(() => {
    if (!start.found) void scan();
    // Once, when the panel opens.
  }, []);

  // For the tests and the benchmark: "Scan this page" pressed (or "Scan again") → result on screen.
  useEffect(() => {
    if (!view || scanning) return;
    const from = performance.getEntriesByName('scan-clicked').length > 0 ? 'scan-clicked' : 'scan-requested';
    if (performance.getEntriesByName(from).length === 0) return;
    performance.measure('scan-shown', from);
    performance.clearMarks('scan-clicked');
  }, [view, scanning]);

  async function add(keys: string[]) {
    if (tabId === null) return;
    setBusyKey(keys[0] ?? null);
    const answer = await request('scan.add', { target: { tabId }, keys });
    if (!answer.ok) setError(failureMessage(answer.error));
    else if (answer.value.added.length > 0) onAdded();
    const refreshed = await request('scan.found', { tabId });
    if (refreshed.ok && refreshed.value) setView(refreshed.value);
    setBusyKey(null);
  }

  return (
    <main className="popup-body stack scan-panel" data-testid="scan-panel" aria-busy={scanning}>
      <h2 className="small">{t('scanTitle')}</h2>
      {scanning && <p className="muted" role="status" data-testid="scan-scanning">{t('scanScanning')}</p>}
      {error && <p className="error" role="alert" data-testid="scan-error">{error}</p>}
      {view && !scanning && <ScanFoundList view={view} busyKey={busyKey} onAdd={(keys) => void add(keys)} />}
      <div className="account-line">
        <button type="button" onClick={() => void scan()} disabled={scanning} data-testid="scan-again">{t('scanAgain')}</button>
        <button type="button" onClick={onClose} data-testid="scan-done">{t('scanDone')}</button>
      </div>
    </main>
  );
}
