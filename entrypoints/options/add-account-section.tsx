import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AccountView, ProtocolFailure } from '../../lib/messaging/protocol';
import { request } from '../../components/background-client';
import { failureMessage } from '../../components/failure-message';
import { failureField } from '../../lib/messaging/failure';
import { t } from '../../components/i18n';
import { BackupNudge } from './backup-nudge';
import { describedBy, FieldError } from './field-error';

type Form = {
  issuer: string;
  accountName: string;
  secret: string;
  type: 'totp' | 'hotp' | 'steam';
  algorithm: 'SHA1' | 'SHA256' | 'SHA512';
  digits: string;
  period: string;
  counter: string;
};

const EMPTY: Form = { issuer: '', accountName: '', secret: '', type: 'totp', algorithm: 'SHA1', digits: '6', period: '30', counter: '0' };

/** A form number as typed: the background decides whether it is acceptable and says which field is wrong. */
const asNumber = (text: string): number | string => (text.trim() === '' || Number.isNaN(Number(text)) ? text : Number(text));

/** Adding an account: by hand, or by pasting an otpauth:// link (previewed before it is saved). */
export function AddAccountSection({ accounts, onAdded, onBackupOn }: {
  /** The accounts now: a link completing one that waits for its secret is reported as verified, not added. */
  accounts: AccountView[];
  onAdded(account: AccountView): void;
  onBackupOn(): void;
}) {
  const [form, setForm] = useState<Form>(EMPTY);
  const [failure, setFailure] = useState<ProtocolFailure | null>(null);
  const [link, setLink] = useState('');
  const [preview, setPreview] = useState<AccountView | null>(null);
  const [linkFailure, setLinkFailure] = useState<ProtocolFailure | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  const manual = useRef<HTMLFormElement>(null);
  const addedMessage = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (added) addedMessage.current?.focus();
  }, [added]);
  // A field's error goes away as soon as the field is changed.
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (failure && failureField(failure) === key) setFailure(null);
  };
  const errorFor = (field: string) => (failure && failureField(failure) === field ? failureMessage(failure) : null);

  // After a refused submit, the keyboard goes to the field in error (inside "Advanced" if need be).
  useEffect(() => {
    const field = failure ? failureField(failure) : undefined;
    if (!field) return;
    const input = manual.current?.querySelector<HTMLInputElement>(`[name="${field}"]`);
    const details = input?.closest('details');
    if (details) details.open = true;
    input?.focus();
  }, [failure]);

  function done(account: AccountView) {
    const waited = accounts.some((a) => a.id === account.id && a.needsVerification);
    setAdded(t(waited ? 'verifiedMessage' : 'addedMessage', [account.issuer || account.accountName]));
    onAdded(account);
  }

  async function submitManual(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    const result = await request('accounts.add', {
      draft: {
        issuer: form.issuer,
        accountName: form.accountName,
        secret: form.secret,
        type: form.type,
        algorithm: form.algorithm,
        digits: asNumber(form.digits),
        period: asNumber(form.period),
        counter: asNumber(form.counter),
      },
    });
    if (!result.ok) return setFailure(result.error);
    setFailure(null);
    setForm(EMPTY);
    done(result.value);
  }

  async function previewLink(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    const result = await request('accounts.parse-uri', { uri: link });
    if (result.ok) {
      setPreview(result.value);
      setLinkFailure(null);
    } else {
      setPreview(null);
      setLinkFailure(result.error);
    }
  }

  async function addLink() {
    const result = await request('accounts.add', { uri: link });
    if (!result.ok) return setLinkFailure(result.error);
    setLink('');
    setPreview(null);
    setLinkFailure(null);
    done(result.value);
  }

  return (
    <section aria-labelledby="add-title" className="stack">
      <h2 id="add-title">{t('addAccount')}</h2>
      {/* The button pressed is gone with the preview: the keyboard continues from the result (then the backup suggestion). */}
      {added && <p className="success" role="status" data-testid="added-message" tabIndex={-1} ref={addedMessage}>{added}</p>}
      {added && <BackupNudge onTurnedOn={onBackupOn} />}

      <form className="card stack" onSubmit={previewLink} aria-labelledby="link-title" data-testid="link-form">
        <h3 id="link-title">{t('addByLinkTitle')}</h3>
        <label>
          {t('fieldUri')}
          <input name="uri" value={link} placeholder="otpauth://totp/…" spellCheck={false} autoComplete="off"
            onChange={(e) => { setLink(e.target.value); setPreview(null); setLinkFailure(null); }} aria-invalid={linkFailure !== null}
            aria-describedby={linkFailure ? 'error-uri' : undefined} />
        </label>
        {linkFailure && <p className="error" role="alert" id="error-uri" data-testid="link-error">{failureMessage(linkFailure)}</p>}
        {preview ? (
          <div className="preview" data-testid="link-preview">
            <dl>
              <dt>{t('fieldIssuer')}</dt><dd>{preview.issuer || '—'}</dd>
              <dt>{t('fieldAccountName')}</dt><dd>{preview.accountName || '—'}</dd>
              <dt>{t('fieldType')}</dt><dd>{preview.type.toUpperCase()} · {preview.algorithm} · {preview.digits}</dd>
            </dl>
            <button type="button" className="primary" onClick={() => void addLink()}>{t('addThisAccount')}</button>
          </div>
        ) : (
          <button type="submit">{t('previewLink')}</button>
        )}
      </form>

      <form ref={manual} className="card stack" onSubmit={submitManual} aria-labelledby="manual-title" data-testid="manual-form" noValidate>
        <h3 id="manual-title">{t('addManuallyTitle')}</h3>
        <label>
          {t('fieldIssuer')}
          <input name="issuer" value={form.issuer} onChange={(e) => set('issuer', e.target.value)} placeholder={t('issuerPlaceholder')}
            aria-invalid={errorFor('issuer') !== null} aria-describedby={describedBy('error-issuer', errorFor('issuer'))} />
        </label>
        <FieldError id="error-issuer" message={errorFor('issuer')} />
        <label>
          {t('fieldAccountName')}
          <input name="accountName" value={form.accountName} onChange={(e) => set('accountName', e.target.value)}
            placeholder={t('accountNamePlaceholder')} aria-invalid={errorFor('accountName') !== null} aria-describedby={describedBy('error-accountName', errorFor('accountName'))} />
        </label>
        <FieldError id="error-accountName" message={errorFor('accountName')} />
        <label>
          {t('fieldSecret')}
          <input name="secret" value={form.secret} onChange={(e) => set('secret', e.target.value)} spellCheck={false}
            autoComplete="off" placeholder="JBSW Y3DP EHPK 3PXP" aria-invalid={errorFor('secret') !== null} aria-describedby={describedBy('error-secret', errorFor('secret'))} />
        </label>
        <FieldError id="error-secret" message={errorFor('secret')} />
        <details>
          <summary>{t('advanced')}</summary>
          <div className="grid">
            <label>
              {t('fieldType')}
              <select name="type" value={form.type} onChange={(e) => set('type', e.target.value as Form['type'])}>
                <option value="totp">{t('typeTotp')}</option>
                <option value="hotp">{t('typeHotp')}</option>
                <option value="steam">{t('typeSteam')}</option>
              </select>
            </label>
            <label>
              {t('fieldAlgorithm')}
              <select name="algorithm" value={form.algorithm} onChange={(e) => set('algorithm', e.target.value as Form['algorithm'])}>
                <option value="SHA1">SHA-1</option>
                <option value="SHA256">SHA-256</option>
                <option value="SHA512">SHA-512</option>
              </select>
            </label>
            <label>
              {t('fieldDigits')}
              <input name="digits" inputMode="numeric" value={form.digits} onChange={(e) => set('digits', e.target.value)}
                aria-invalid={errorFor('digits') !== null} aria-describedby={describedBy('error-digits', errorFor('digits'))} />
            </label>
            {form.type === 'hotp' ? (
              <label>
                {t('fieldCounter')}
                <input name="counter" inputMode="numeric" value={form.counter} onChange={(e) => set('counter', e.target.value)}
                  aria-invalid={errorFor('counter') !== null} aria-describedby={describedBy('error-counter', errorFor('counter'))} />
              </label>
            ) : (
              <label>
                {t('fieldPeriod')}
                <input name="period" inputMode="numeric" value={form.period} onChange={(e) => set('period', e.target.value)}
                  aria-invalid={errorFor('period') !== null} aria-describedby={describedBy('error-period', errorFor('period'))} />
              </label>
            )}
          </div>
        </details>
        {/* Outside <details>, so the message shows even when the section is folded. */}
        {(['type', 'algorithm', 'digits', 'period', 'counter'] as const).map((field) => (
          <FieldError key={field} id={`error-${field}`} message={errorFor(field)} />
        ))}
        {failure && !failureField(failure) && <p className="error" role="alert" data-testid="form-error">{failureMessage(failure)}</p>}
        <button type="submit" className="primary">{t('addAccount')}</button>
      </form>
    </section>
  );
}
