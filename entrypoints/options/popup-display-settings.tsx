import { useEffect, useState } from 'react';
import { request } from '../../components/background-client';
import { failureMessage } from '../../components/failure-message';
import { t } from '../../components/i18n';
import { SORT_ORDERS, type SortOrder } from '../../lib/display/popup-settings';
import type { DisplayView } from '../../lib/messaging/protocol';

const SORT_TEXT = { manual: 'sortManual', alphabetical: 'sortAlphabetical', 'most-used': 'sortMostUsed' } as const satisfies Record<SortOrder, string>;

/** Security → Popup: hide codes until pointed at, and the popup's order (docs/popup-display.md). */
export function PopupDisplaySettings() {
  const [display, setDisplay] = useState<DisplayView | null>(null);
  const [status, setStatus] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  useEffect(() => {
    void request('display.get', {}).then((result) => {
      if (result.ok) setDisplay(result.value);
      else setStatus({ kind: 'error', text: failureMessage(result.error) });
    });
  }, []);

  async function save(patch: { hideCodes?: boolean; sort?: SortOrder }) {
    const result = await request('display.update', patch);
    if (result.ok) setDisplay(result.value);
    setStatus(result.ok ? { kind: 'success', text: t('saved') } : { kind: 'error', text: failureMessage(result.error) });
  }

  return (
    <div className="card stack" data-testid="popup-display">
      <h3>{t('popupDisplayTitle')}</h3>
      <label className="checkbox">
        <input type="checkbox" name="hideCodes" checked={display?.hideCodes ?? false} disabled={!display}
          onChange={(e) => void save({ hideCodes: e.target.checked })} aria-describedby="hide-codes-help" />
        {t('hideCodesLabel')}
      </label>
      <p className="muted small" id="hide-codes-help">{t('hideCodesHelp')}</p>
      <label>
        {t('sortLabel')}
        <select name="sort" value={display?.sort ?? ''} disabled={!display} onChange={(e) => void save({ sort: e.target.value as SortOrder })}
          aria-describedby="sort-help">
          {SORT_ORDERS.map((order) => <option key={order} value={order}>{t(SORT_TEXT[order])}</option>)}
        </select>
      </label>
      <p className="muted small" id="sort-help">{t('sortHelp')}</p>
      {status && <p className={`${status.kind} small`} role={status.kind === 'error' ? 'alert' : 'status'}>{status.text}</p>}
    </div>
  );
}
