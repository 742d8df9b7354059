import { useId, useState, type DragEvent, type FormEvent } from 'react';
import type { ImportPreview, ImportSource, ProtocolFailure } from '../../lib/messaging/protocol';
import { request } from '../../components/background-client';
import { failureMessage } from '../../components/failure-message';
import { ErrorOf } from '../../components/field-error';
import { t } from '../../components/i18n';
import { useFieldErrors } from '../../components/use-field-errors';
import { required } from '../../lib/forms/field-problems';
import { MAX_IMPORT_BYTES, sourceFromFile } from './file-transfer';
import { formatName, skipReason, warningText } from './transfer-text';

/** Failures whose technical detail (what was seen in the file) helps the user. */
const DETAILED: ReadonlySet<ProtocolFailure['code']> = new Set(['import-unsupported-format', 'import-damaged-file', 'import-limit-exceeded', 'import-cut-short']);

const typeSummary = (a: ImportPreview['toAdd'][number]) => `${a.type.toUpperCase()} · ${a.algorithm} · ${a.digits}`;

/**
 * Import from a file (picker or drop) or pasted text: the background reads it and
 * answers what would be added and what not; nothing is saved until "Add".
 */
export function ImportPanel({ onImported }: { onImported(): void }) {
  const [source, setSource] = useState<ImportSource | null>(null);
  const [needsPassword, setNeedsPassword] = useState(false);
  const [password, setPassword] = useState('');
  const [pasted, setPasted] = useState('');
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [failure, setFailure] = useState<ProtocolFailure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The file password's own errors (empty, wrong): at the field, which gets the focus.
  const passwordErrors = useFieldErrors<'import-password'>();
  const ids = useId();

  function reset() {
    setSource(null);
    setNeedsPassword(false);
    setPassword('');
    setPreview(null);
    setFailure(null);
    passwordErrors.show({});
  }

  async function check(next: ImportSource, withPassword?: string) {
    setSource(next);
    setDone(null);
    setBusy(true);
    setPreview(null);
    const result = await request('import.preview', { source: next, ...(withPassword ? { password: withPassword } : {}) });
    setBusy(false);
    if (result.ok) {
      setPreview(result.value);
      setFailure(null);
      return;
    }
    if (result.error.code === 'import-wrong-password') {
      setFailure(null);
      setNeedsPassword(true);
      passwordErrors.show({ 'import-password': failureMessage(result.error) });
      return;
    }
    setFailure(result.error);
    if (result.error.code === 'import-password-required') setNeedsPassword(true);
  }

  async function takeFile(file: File | undefined) {
    if (!file) return;
    reset();
    setDone(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setFailure({ code: 'import-limit-exceeded', message: `${file.name}: ${file.size} bytes` });
      return;
    }
    await check(await sourceFromFile(file));
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) return void takeFile(file);
    // Dropped text (a link dragged from another page) is treated as pasted.
    const text = event.dataTransfer.getData('text/plain');
    if (text) {
      reset();
      setPasted(text);
      void check({ text });
    }
  }

  function checkPasted(event: FormEvent) {
    event.preventDefault();
    reset();
    if (pasted.trim() !== '') void check({ text: pasted });
  }

  function submitPassword(event: FormEvent) {
    event.preventDefault();
    if (required(password)) return passwordErrors.show({ 'import-password': t('errorFieldRequired', [t('fieldFilePassword')]) });
    passwordErrors.show({});
    if (source) void check(source, password);
  }

  async function apply() {
    if (!source) return;
    setBusy(true);
    const result = await request('import.apply', { source, ...(password ? { password } : {}) });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    reset();
    setPasted('');
    setDone(t('importDone', [String(result.value.added), String(result.value.skipped)]));
    onImported();
  }

  const count = preview?.toAdd.length ?? 0;

  return (
    <div className="card stack" data-testid="import-card" aria-labelledby="import-title" role="group">
      <h3 id="import-title">{t('importTitle')}</h3>
      <p className="muted small">{t('importIntro')}</p>
      <p className="muted small">{t('importFormatsList')}</p>

      <div className={`drop-zone${dragging ? ' dragging' : ''}`} data-testid="import-drop-zone"
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}>
        {/* Tab reaches the input; Enter or Space opens the picker. It looks like the label next to it. */}
        <input type="file" id={`${ids}-file`} name="import-file" data-testid="import-file" className="visually-hidden file-input"
          onChange={(e) => { void takeFile(e.target.files?.[0]); e.target.value = ''; }} />
        <label htmlFor={`${ids}-file`} className="file-button" data-testid="import-file-button">{t('importChooseFile')}</label>
        <span className="muted small">{t('importDropHere')}</span>
      </div>

      <form className="stack" onSubmit={checkPasted} data-testid="import-paste-form">
        <label>
          {t('importPasteLabel')}
          <textarea name="import-text" rows={3} spellCheck={false} autoComplete="off" value={pasted}
            onChange={(e) => setPasted(e.target.value)} />
        </label>
        <button type="submit" disabled={busy || pasted.trim() === ''}>{t('importCheckText')}</button>
      </form>

      {needsPassword && source && (
        <form ref={passwordErrors.form} className="stack" onSubmit={submitPassword} data-testid="import-password-form" noValidate>
          <p>{failure?.code === 'import-password-required' && failure.formatGuessed === true ? t('importPasswordMaybeAndOtpOld') : t('importPasswordPrompt')}</p>
          <label>
            {t('fieldFilePassword')}
            <input type="password" name="import-password" autoComplete="off" value={password} autoFocus
              onChange={(e) => { setPassword(e.target.value); passwordErrors.clear('import-password'); }} {...passwordErrors.field('import-password')} />
          </label>
          <ErrorOf form={passwordErrors} field="import-password" />
          <button type="submit" className="primary" disabled={busy}>{t('importOpen')}</button>
        </form>
      )}

      {busy && <p className="muted" role="status">{t('importReading')}</p>}
      {failure && !(failure.code === 'import-password-required' && needsPassword) && (
        <div className="error" role="alert" data-testid="import-error" id="import-error">
          <p>{failureMessage(failure)}</p>
          {DETAILED.has(failure.code) && <p className="small">{failure.message}</p>}
        </div>
      )}
      {done && <p className="success" role="status" data-testid="import-done">{done}</p>}

      {preview && (
        <div className="stack preview" data-testid="import-preview">
          <p>
            {t('importReadAs', [formatName(preview.format)])}
            {preview.encrypted && ` ${t('importEncryptedTag')}`}
          </p>
          {preview.warnings.map((w) => (
            <p key={w.code + w.message} className="warning" role="note">{warningText(w)}</p>
          ))}
          <h4>{t('importToAddTitle', [String(count)])}</h4>
          {count > 0 ? (
            <ul className="transfer-list" data-testid="import-to-add">
              {preview.toAdd.map((a, i) => (
                <li key={i}>
                  <span className="issuer">{a.issuer || '—'}</span> <span className="account-name">{a.accountName}</span>{' '}
                  <span className="muted small">{typeSummary(a)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('importNothingToAdd')}</p>
          )}
          {preview.skipped.length > 0 && (
            <>
              <h4>{t('importSkippedTitle', [String(preview.skipped.length)])}</h4>
              <ul className="transfer-list" data-testid="import-skipped">
                {preview.skipped.map((s, i) => (
                  <li key={i} data-code={s.code}>
                    <span className="label">{s.label}</span> — <span className="reason">{skipReason(s)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="buttons">
            {count > 0 && (
              <button type="button" className="primary" disabled={busy} onClick={() => void apply()}>
                {count === 1 ? t('importAddOne') : t('importAddMany', [String(count)])}
              </button>
            )}
            <button type="button" onClick={reset}>{t('cancel')}</button>
          </div>
        </div>
      )}
    </div>
  );
}
