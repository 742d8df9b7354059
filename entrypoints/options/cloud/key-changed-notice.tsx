import { useEffect, useState } from 'react';
import { request } from '../../../components/background-client';
import { t, uiLanguage } from '../../../components/i18n';

/**
 * Why this device is asked for a password it already had backups with: the
 * password was changed (or the key replaced) on another device. Names that
 * device's browser and the day, from the backup's clear header (unauthenticated
 * until opened, so it only informs: the password decides).
 */
export function KeyChangedNotice() {
  const [changed, setChanged] = useState<{ browser: string; createdAt: number } | null>(null);
  useEffect(() => {
    let live = true;
    void request('recovery.inspect', {}).then((result) => {
      if (live && result.ok && result.value.found) setChanged(result.value);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!changed) return <p>{t('passwordChangedElsewhereUnknown')}</p>;
  const day = new Intl.DateTimeFormat(uiLanguage(), { day: 'numeric', month: 'short' }).format(changed.createdAt);
  return <p data-testid="password-changed-elsewhere">{t('passwordChangedElsewhere', [changed.browser, day])}</p>;
}
