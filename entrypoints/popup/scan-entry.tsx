import { useEffect, useState, type ComponentType } from 'react';
import type { ScanView } from '../../lib/scan/scan-view';
import { request } from '../../components/background-client';
import { t } from '../../components/i18n';
import { scanTargetTab } from './scan-target-tab';

/*
 * The popup's way into QR capture, kept small: the panel (and everything it needs)
 * is a separate chunk loaded on first use, off the popup's start path.
 */

/** What the panel opens with: a fresh scan, or codes found already (shortcut, automatic detection). */
export interface ScanStart {
  found?: { tabId: number; view: ScanView };
}

const icon = { width: 18, height: 18, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;

/** "Scan this page": a QR-code icon button for the popup's header. */
export function ScanButton({ onClick }: { onClick(): void }) {
  return (
    <button type="button" className="icon" title={t('scanPage')} aria-label={t('scanPage')} data-testid="scan-page"
      onClick={() => {
        performance.mark('scan-clicked');
        onClick();
      }}>
      <svg {...icon}>
        <path d="M4 8V5a1 1 0 0 1 1-1h3M16 4h3a1 1 0 0 1 1 1v3M20 16v3a1 1 0 0 1-1 1h-3M8 20H5a1 1 0 0 1-1-1v-3" />
        <rect x="8" y="8" width="3" height="3" />
        <rect x="13" y="13" width="3" height="3" />
      </svg>
    </button>
  );
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

type PanelProps = { start: ScanStart; onClose(): void; onAdded(): void };

/**
 * The scan panel, loaded when first shown. Not React.lazy: React delays revealing a
 * suspended tree by up to 300 ms, which was most of the time from click to result.
 */
export function LazyScanPanel(props: PanelProps) {
  const [Panel, setPanel] = useState<ComponentType<PanelProps> | null>(null);
  useEffect(() => {
    let live = true;
    void import('./scan-panel').then((module) => live && setPanel(() => module.default));
    return () => {
      live = false;
    };
  }, []);
  return Panel ? <Panel {...props} /> : <p className="muted popup-body">{t('scanScanning')}</p>;
}
