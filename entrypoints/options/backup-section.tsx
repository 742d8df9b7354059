import { t } from '../../components/i18n';

/** Backup & recovery. */
export function BackupSection() {
  return (
    <section aria-labelledby="backup-title" className="stack">
      <h2 id="backup-title">{t('navBackup')}</h2>
      <p className="muted">{t('backupComingSoon')}</p>
    </section>
  );
}
