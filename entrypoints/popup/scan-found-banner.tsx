import { useEffect, useState } from 'react';
import type { ScanView } from '../../lib/scan/scan-view';
import { request } from '../../components/background-client';
import { t } from '../../components/i18n';
import { scanTargetTab } from './scan-target-tab';

/*
 * The popup's way into QR capture (a React island, off the popup's start path):
 * the banner saying codes were found on this tab; the header's button is plain
 * DOM (popup-header.ts), the panel is scan-panel.tsx.
 */

/** What the panel opens with: a fresh scan, or codes found already (shortcut, automatic detection). */
export interface ScanStart {
  found?: { tabId: number; view: ScanView };
}

/** Tells the user the shortcut or automatic detection found codes on this tab; opens them. */
export function ScanFoundBanner({ onOpen }: { onOpen(start: ScanStart): void }) {
  const [found, setFound] = useState<{ tabId: number; view: ScanView; waiting: number } | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const tabId = await scanTargetTab();
      if (tabId === null) return;
      const answer = await request('scan.found', { tabId });
      if (!live || !answer.ok || !answer.value) return;
      const waiting = answer.value.accounts.filter((a) => !a.added && !a.existing).length;
      if (waiting > 0) setFound({ tabId, view: answer.value, waiting });
    })();
    return () => {
      live = false;
    };
  }, []);
  if (!found) return null;
  return (
    <button type="button" className="primary scan-banner" data-testid="scan-banner" style={{ margin: '0 0.75rem 0.5rem' }}
      onClick={() => onOpen({ found: { tabId: found.tabId, view: found.view } })}>
      {t('scanFoundBanner', [String(found.waiting)])}
    </button>
  );
}
