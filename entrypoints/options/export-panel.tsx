import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ExportFileFormat, ExportOmission, ProtocolFailure } from '../../lib/messaging/protocol';
import { request } from '../../components/background-client';
import { failureMessage } from '../../components/failure-message';
import { ErrorOf } from '../../components/field-error';
import { ChangePasswordLink } from '../../components/change-password-link';
import { judgeInPage } from '../../components/choose-password';
import { t, type MessageKey } from '../../components/i18n';
import { useFieldErrors } from '../../components/use-field-errors';
import { required } from '../../lib/forms/field-problems';
import { downloadFile } from './file-transfer';
import { MigrationQrViewer } from './migration-qr-viewer';
import { omissionText } from './transfer-text';

type Choice = ExportFileFormat | 'google-authenticator';

const CHOICES: { value: Choice; label: MessageKey; help: MessageKey }[] = [
  { value: 'hikae-encrypted', label: 'exportFormatHikae', help: 'exportFormatHikaeHelp' },
  { value: 'otpauth-uri-list', label: 'exportFormatUriList', help: 'exportFormatUriListHelp' },
  { value: 'aegis-plain', label: 'exportFormatAegis', help: 'exportFormatAegisHelp' },
  { value: 'google-authenticator', label: 'exportFormatGoogle', help: 'exportFormatGoogleHelp' },
];

interface Saved {
  fileName: string;
  url: string;
}

/**
 * Export: our encrypted file, two plain files, or Google Authenticator QR codes.
 * Every export asks for the password again; plain ones say plainly what they hold.
 */
export function ExportPanel() {
  const [choice, setChoice] = useState<Choice>('hikae-encrypted');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ProtocolFailure | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [uris, setUris] = useState<string[] | null>(null);
  const [omitted, setOmitted] = useState<{ format: Choice; items: ExportOmission[] } | null>(null);
  const url = useRef<string | null>(null);
  // The password field's own errors (empty, wrong): at the field, which gets the focus; other failures under the form.
  const errors = useFieldErrors<'export-password'>();

  // A Blob URL of a plain export holds secrets: let it go with the section.
  const forgetDownload = () => {
    if (url.current) URL.revokeObjectURL(url.current);
    url.current = null;
  };
  useEffect(() => forgetDownload, []);

  function pick(next: Choice) {
    setChoice(next);
    setFailure(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (required(password)) return errors.show({ 'export-password': t('errorFieldRequired', [t('fieldPassword')]) });
    errors.show({});
    forgetDownload();
    setSaved(null);
    setUris(null);
    setOmitted(null);
    setBusy(true);
    if (choice === 'hikae-encrypted' && !(await passwordMayProtectExport())) return setBusy(false);
    const result = choice === 'google-authenticator'
      ? await request('export.migration-qr', { password })
      : await request('export.file', { format: choice, password });
    setBusy(false);
    if (!result.ok) return refused(result.error);
    setPassword('');
    setOmitted({ format: choice, items: result.value.notExported });
    if ('uris' in result.value) {
      setUris(result.value.uris);
    } else {
      url.current = downloadFile(result.value);
      setSaved({ fileName: result.value.fileName, url: url.current });
    }
  }

  /** A refused export: a wrong password is said at its field, anything else under the form. */
  function refused(error: ProtocolFailure) {
    if (error.code === 'wrong-password') errors.show({ 'export-password': failureMessage(error) });
    else setFailure(error);
  }

  /**
   * An encrypted export is protected by the vault password alone: one too easy to
   * guess is filed as weak (after the background checks it is the vault's) and
   * the export waits for a change. The background refuses it too.
   */
  async function passwordMayProtectExport(): Promise<boolean> {
    const { score, refusal } = await judgeInPage(password);
    if (!refusal) return true;
    const checked = await request('vault.check-password', { password, score });
    if (checked.ok) setFailure({ code: 'password-change-required', message: '' });
    else refused(checked.error);
    return false;
  }

  const plain = choice !== 'hikae-encrypted';

  return (
    <form ref={errors.form} className="card stack" onSubmit={submit} noValidate data-testid="export-card" aria-labelledby="export-title">
      <h3 id="export-title">{t('exportTitle')}</h3>
      <p className="muted small">{t('exportIntro')}</p>
      <fieldset className="stack choices">
        <legend className="visually-hidden">{t('exportFormatLegend')}</legend>
        {CHOICES.map(({ value, label, help }) => (
          <label key={value} className="checkbox choice">
            <input type="radio" name="export-format" value={value} checked={choice === value} onChange={() => pick(value)} />
            <span>
              {t(label)}
              <span className="muted small choice-help">{t(help)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {plain && (
        <p className="warning" role="note" data-testid="export-warning">
          {t(choice === 'google-authenticator' ? 'exportQrWarning' : 'exportPlainWarning')}
        </p>
      )}
      <label>
        {t('exportPasswordLabel')}
        <input type="password" name="export-password" autoComplete="current-password" value={password}
          onChange={(e) => { setPassword(e.target.value); errors.clear('export-password'); }} {...errors.field('export-password')} />
      </label>
      <ErrorOf form={errors} field="export-password" />
      {failure && <p className="error" role="alert" data-testid="export-error" id="export-error">{failureMessage(failure)}</p>}
      {failure?.code === 'password-change-required' && <ChangePasswordLink />}
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy}>
          {t(choice === 'google-authenticator' ? 'exportQrButton' : 'exportButton')}
        </button>
      </div>

      {saved && (
        <p className="success" role="status" data-testid="export-saved">
          {t('exportSaved', [saved.fileName])}{' '}
          <a href={saved.url} download={saved.fileName} data-testid="export-download">{t('exportDownloadAgain')}</a>
        </p>
      )}
      {uris && (uris.length > 0
        ? <MigrationQrViewer uris={uris} onClose={() => setUris(null)} />
        : <p className="muted">{t('qrNone')}</p>)}
      {omitted && omitted.items.length > 0 && (
        <div className="stack" data-testid="export-omitted">
          <h4>{t(omitted.format === 'hikae-encrypted' ? 'exportWithoutSecretTitle' : 'exportNotExportedTitle', [String(omitted.items.length)])}</h4>
          <ul className="transfer-list">
            {omitted.items.map((item, i) => (
              <li key={i} data-code={item.code}>
                <span className="label">{item.label}</span> — <span className="reason">{omissionText(item, omitted.format)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
