import { useEffect } from 'react';
import { t } from '../../components/i18n';

/** How long the Undo offer stays on screen, in milliseconds. */
const UNDO_VISIBLE_MS = 10_000;

export function UndoToast({ label, onUndo, onExpire }: { label: string; onUndo(): void; onExpire(): void }) {
  useEffect(() => {
    const timer = window.setTimeout(onExpire, UNDO_VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [label, onExpire]);
  return (
    <div className="toast" role="status">
      <span>{label}</span>
      <button type="button" onClick={onUndo} data-testid="undo">{t('undo')}</button>
    </div>
  );
}
