import { useEffect, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { browser } from 'wxt/browser';
import { isOtpText } from '../../lib/scan/kept-texts';
import { TEXT_LIMITS } from '../../lib/scan/scan-limits';
import type { ScanView } from '../../lib/scan/scan-view';
import { request } from '../../components/background-client';
import { failureMessage } from '../../components/failure-message';
import { t } from '../../components/i18n';
import { ScanFoundList } from '../../components/scan-found-list';
import { decodeImageFile, SCANNABLE_TYPES, UnreadableImageError } from './scan-image-file';

/** The host permission automatic detection needs (asked for from the user's click). */
const ALL_SITES = { origins: ['<all_urls>'] };

/**
 * "Scan QR code" (#scan): image files dropped, picked or pasted are decoded here
 * and their otpauth texts handed to the background, which keeps them and lists
 * the accounts; plus the switch for automatic detection on pages.
 */
export function ScanSection({ onAdded }: { onAdded(): void }) {
  const [view, setView] = useState<ScanView | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function scanFiles(files: readonly File[]) {
    const images = files.filter((file) => file.type.startsWith('image/'));
    if (images.length === 0) return;
    setReading(true);
    setError(null);
    const found: string[] = [];
    const messages: string[] = [];
    for (const file of images) {
      const name = file.name || t('scanPastedImage');
      try {
        const texts = await decodeImageFile(file);
        const ours = texts.filter(isOtpText);
        if (texts.length === 0) messages.push(t('scanNoCodeInFile', [name]));
        else if (ours.length === 0) messages.push(t('scanNoAccountInFile', [name]));
        found.push(...ours);
      } catch (cause) {
        if (!(cause instanceof UnreadableImageError)) throw cause;
        messages.push(t(cause.reason === 'type' ? 'scanFileWrongType' : cause.reason === 'size' ? 'scanFileTooLarge' : 'scanFileUnreadable', [name]));
      }
    }
    const answer = await request('scan.texts', { texts: found.slice(0, TEXT_LIMITS.maxTexts) });
    setReading(false);
    setNotes(messages);
    if (answer.ok) setView(answer.value);
    else setError(failureMessage(answer.error));
  }

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const files = Array.from(event.clipboardData?.files ?? []);
      if (files.some((file) => file.type.startsWith('image/'))) {
        event.preventDefault();
        void scanFiles(files);
      }
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  });

  async function add(keys: string[]) {
    setBusyKey(keys[0] ?? null);
    const answer = await request('scan.add', { target: { image: true }, keys });
    if (!answer.ok) setError(failureMessage(answer.error));
    else if (answer.value.added.length > 0) onAdded();
    const refreshed = await request('scan.texts', { texts: [] });
    if (refreshed.ok) setView(refreshed.value);
    setBusyKey(null);
  }

  async function clear() {
    await request('scan.dismiss', { target: { image: true } });
    setView(null);
    setNotes([]);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    void scanFiles(Array.from(event.dataTransfer.files));
  }

  function onPick(event: ChangeEvent<HTMLInputElement>) {
    void scanFiles(Array.from(event.target.files ?? []));
    event.target.value = '';
  }

  return (
    <section className="stack" aria-labelledby="scan-title">
      <h2 id="scan-title">{t('scanImageTitle')}</h2>
      <div className={`card stack drop-zone${dragging ? ' dragging' : ''}`} data-testid="scan-drop-zone"
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)} onDrop={onDrop}
        style={{ borderStyle: 'dashed', alignItems: 'flex-start' }}>
        <p>{t('scanImageHint')}</p>
        <button type="button" onClick={() => input.current?.click()}>{t('scanChooseImage')}</button>
        <input ref={input} type="file" name="scan-file" accept={SCANNABLE_TYPES.join(',')} multiple hidden onChange={onPick} data-testid="scan-file" />
      </div>
      {reading && <p className="muted" role="status">{t('scanReadingImage')}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      {notes.map((note, i) => <p key={i} className="muted small" data-testid="scan-note">{note}</p>)}
      {view && (view.accounts.length > 0 || view.problems.length > 0) && (
        <>
          <ScanFoundList view={view} busyKey={busyKey} onAdd={(keys) => void add(keys)} />
          <button type="button" onClick={() => void clear()} style={{ alignSelf: 'flex-start' }}>{t('scanClear')}</button>
        </>
      )}
      <AutoDetectSwitch />
    </section>
  );
}

/** Automatic detection on pages: off by default; turning it on asks for access to all sites. */
function AutoDetectSwitch() {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void request('scan.auto-detect.get', {}).then((answer) => setEnabled(answer.ok ? answer.value.enabled : false));
  }, []);

  function toggle(event: ChangeEvent<HTMLInputElement>) {
    const wanted = event.target.checked;
    setError(null);
    if (wanted) {
      // permissions.request must be the first thing the click does (Firefox checks).
      void browser.permissions.request(ALL_SITES).then(async (granted) => {
        if (!granted) return setError(t('scanAutoDetectDenied'));
        const answer = await request('scan.auto-detect.set', { enabled: true });
        if (answer.ok) setEnabled(answer.value.enabled);
        else setError(failureMessage(answer.error));
      });
    } else {
      void request('scan.auto-detect.set', { enabled: false }).then(async (answer) => {
        if (!answer.ok) return setError(failureMessage(answer.error));
        setEnabled(false);
        await browser.permissions.remove(ALL_SITES);
      });
    }
  }

  return (
    <div className="card stack">
      <label className="checkbox">
        <input type="checkbox" name="auto-detect" checked={enabled === true} disabled={enabled === null} onChange={toggle} />
        {t('scanAutoDetect')}
      </label>
      <p className="muted small">{t('scanAutoDetectHint')}</p>
      {error && <p className="error small" role="alert">{error}</p>}
    </div>
  );
}
