import type { FoundAccountView, ScanProblem, ScanView } from '../lib/scan/scan-view';
import { accountProblemMessage } from './failure-message';
import { t, type MessageKey } from './i18n';

/*
 * Found QR codes, shown before anything is stored (docs/page-scanning.md): issuer,
 * account, type, the site they came from, "already in your accounts", and what is
 * wrong with codes that look like ours but are not valid. Shared by the popup's
 * scan panel and the options page's image scan.
 */

const TYPE_LABEL: Record<FoundAccountView['type'], MessageKey> = { totp: 'typeTotp', hotp: 'typeHotp', steam: 'typeSteam' };

/** The sentence for a found code that gives no account. */
export function problemMessage(problem: ScanProblem): string {
  switch (problem.code) {
    case 'invalid-otpauth':
      return t('scanProblemOtpauth', [accountProblemMessage(problem.field, problem.reason)]);
    case 'invalid-migration':
      return t('scanProblemMigration');
    case 'migration-entry':
      return t('scanProblemMigrationEntry', [problem.label, problem.message]);
  }
}

export function ScanFoundList({ view, busyKey, onAdd }: {
  view: ScanView;
  /** The key being added right now (its button is disabled). */
  busyKey: string | null;
  onAdd(keys: string[]): void;
}) {
  const addable = view.accounts.filter((a) => !a.added && !a.existing);
  return (
    <div className="stack scan-found" data-testid="scan-found">
      {view.site && <p className="muted small" data-testid="scan-site">{t('scanFromSite', [view.site])}</p>}
      {view.accounts.length === 0 && view.problems.length === 0 && (
        <p className="muted" data-testid="scan-none">{view.target && 'image' in view.target ? t('scanNoneInImage') : t('scanNoneOnPage')}</p>
      )}
      {view.accounts.length > 0 && (
        <ul className="stack" aria-label={t('scanFoundTitle')}>
          {view.accounts.map((account) => (
            <li key={account.key} className="card account-line" data-testid="scan-account" data-key={account.key}>
              <span className="stack" style={{ gap: '0.15rem', minWidth: 0 }}>
                <strong data-testid="scan-issuer">{account.issuer || account.accountName}</strong>
                {account.issuer && <span className="muted small" data-testid="scan-name">{account.accountName}</span>}
                <span className="small">
                  <span className="badge" data-testid="scan-type">{t(TYPE_LABEL[account.type])}</span>{' '}
                  {account.sites?.[0] && <span className="muted" data-testid="scan-account-site">{account.sites[0]}</span>}
                </span>
              </span>
              {account.added ? (
                <span className="success small" data-testid="scan-added">{t('scanAdded')}</span>
              ) : account.existing ? (
                <span className="muted small" data-testid="scan-existing">{t('scanAlreadyAdded')}</span>
              ) : (
                <button type="button" className="primary" disabled={busyKey !== null} onClick={() => onAdd([account.key])}
                  aria-label={t('scanAddNamed', [account.issuer || account.accountName])}>
                  {t('scanAdd')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {addable.length > 1 && (
        <button type="button" disabled={busyKey !== null} onClick={() => onAdd(addable.map((a) => a.key))} data-testid="scan-add-all">
          {t('scanAddAll', [String(addable.length)])}
        </button>
      )}
      {view.migration.filter((batch) => batch.missing.length > 0).map((batch, i) => (
        <p key={`batch-${i}`} className="warning small" data-testid="scan-migration-missing">
          {t('scanMigrationMissing', [batch.missing.join(', '), String(batch.batchSize)])}
        </p>
      ))}
      {view.problems.map((problem, i) => (
        <p key={`problem-${i}`} className="error small" role="alert" data-testid="scan-problem">{problemMessage(problem)}</p>
      ))}
    </div>
  );
}
