import '../../assets/styles/transfer.css';
import { t } from '../../components/i18n';
import { ExportPanel } from './export-panel';
import { ImportPanel } from './import-panel';

/** Import & export (docs/transfer.md): bring accounts in from other apps, take them out. */
export function TransferSection({ onImported }: { onImported(): void }) {
  return (
    <section aria-labelledby="transfer-title" className="stack transfer">
      <h2 id="transfer-title">{t('navTransfer')}</h2>
      <ImportPanel onImported={onImported} />
      <ExportPanel />
    </section>
  );
}
