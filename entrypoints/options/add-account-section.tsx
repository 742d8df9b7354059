import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AccountView, ProtocolFailure } from '../../lib/messaging/protocol';
import { request } from '../../components/background-client';
import { failureMessage } from '../../components/failure-message';
import { failureField } from '../../lib/messaging/failure';
import { t } from '../../components/i18n';
import { BackupNudge } from './backup-nudge';
import { ErrorOf } from '../../components/field-error';
import { useFieldErrors } from '../../components/use-field-errors';
import type { AccountField } from '../../lib/otp/errors';
import type { OtpType } from '../../lib/otp/account';
import { sameIssuerAndName } from '../../lib/otp/duplicates';
import { asNumber, draftMessages } from './draft-messages';
import { GeneratorFields, type GeneratorValues } from './generator-fields';
import { accountLabel } from '../../lib/display/account-label';

type Form = GeneratorValues & {
  issuer: string;
  accountName: string;
  secret: string;
  type: OtpType;
};

const EMPTY: Form = { issuer: '', accountName: '', secret: '', type: 'totp', algorithm: 'SHA1', digits: '6', period: '30', counter: '0' };

const label = accountLabel;

/** Adding an account: by hand, or by pasting an otpauth:// link (previewed before it is saved). */
export function AddAccountSection({ accounts, onAdded, onBackupOn }: {
  /** The accounts now: a link completing one that waits for its secret is reported as verified, not added. */
  accounts: AccountView[];
  onAdded(account: AccountView): void;
  onBackupOn(): void;
}) {
  const [form, setForm] = useState<Form>(EMPTY);
  const errors = useFieldErrors<AccountField>();
  const [formError, setFormError] = useState<string | null>(null);
  // The account with this issuer and name the user was warned about; the next submit adds anyway.
  const [sameName, setSameName] = useState<AccountView | null>(null);
  const [link, setLink] = useState('');
  const [preview, setPreview] = useState<AccountView | null>(null);
  const [linkFailure, setLinkFailure] = useState<ProtocolFailure | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  const addedMessage = useRef<HTMLParagraphElement>(null);
  const warning = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (added) addedMessage.current?.focus();
  }, [added]);
  useEffect(() => {
    if (sameName) warning.current?.focus();
  }, [sameName]);
  // A field's error goes away as soon as the field is changed; a name change asks again about a same name.
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    errors.clear(key);
    setFormError(null);
    if (key === 'issuer' || key === 'accountName') setSameName(null);
  };

  function done(account: AccountView) {
    const waited = accounts.some((a) => a.id === account.id && a.needsVerification);
    setAdded(t(waited ? 'verifiedMessage' : 'addedMessage', [account.issuer || account.accountName]));
    onAdded(account);
  }

  async function submitManual(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    setFormError(null);
    const draft = { ...form, digits: asNumber(form.digits), period: asNumber(form.period), counter: asNumber(form.counter) };
    const messages = draftMessages(draft);
    errors.show(messages);
    if (Object.keys(messages).length > 0) return;
    // Same issuer and name as an account here (not one waiting for its secret): warn once, then add if asked again.
    const twin = accounts.find((a) => !a.needsVerification && sameIssuerAndName(a, form));
    if (twin && twin.id !== sameName?.id) return setSameName(twin);
    const result = await request('accounts.add', { draft, ...(sameName ? { sameNameAllowed: true as const } : {}) });
    if (!result.ok) {
      const field = failureField(result.error);
      if (field) return errors.show({ [field]: failureMessage(result.error) });
      return setFormError(failureMessage(result.error));
    }
    setSameName(null);
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

      <form ref={errors.form} className="card stack" onSubmit={submitManual} aria-labelledby="manual-title" data-testid="manual-form" noValidate>
        <h3 id="manual-title">{t('addManuallyTitle')}</h3>
        <label>
          {t('fieldIssuer')}
          <input name="issuer" value={form.issuer} onChange={(e) => set('issuer', e.target.value)} placeholder={t('issuerPlaceholder')} {...errors.field('issuer')} />
        </label>
        <ErrorOf form={errors} field="issuer" />
        <label>
          {t('fieldAccountName')}
          <input name="accountName" value={form.accountName} onChange={(e) => set('accountName', e.target.value)}
            placeholder={t('accountNamePlaceholder')} {...errors.field('accountName')} />
        </label>
        <ErrorOf form={errors} field="accountName" />
        <label>
          {t('fieldSecret')}
          <input name="secret" value={form.secret} onChange={(e) => set('secret', e.target.value)} spellCheck={false}
            autoComplete="off" placeholder="JBSW Y3DP EHPK 3PXP" {...errors.field('secret')} />
        </label>
        <ErrorOf form={errors} field="secret" />
        {/* Open by itself when one of its fields is in error (the first error gets the focus). */}
        <details>
          <summary>{t('advanced')}</summary>
          <div className="grid">
            <label>
              {t('fieldType')}
              <select name="type" value={form.type} onChange={(e) => set('type', e.target.value as OtpType)} {...errors.field('type')}>
                <option value="totp">{t('typeTotp')}</option>
                <option value="hotp">{t('typeHotp')}</option>
                <option value="steam">{t('typeSteam')}</option>
              </select>
            </label>
          </div>
          <GeneratorFields type={form.type} values={form} onChange={set} errors={errors} />
        </details>
        {sameName && (
          <p className="warning" role="alert" data-testid="same-name-warning" tabIndex={-1} ref={warning}>
            {t('duplicateNameWarning', [label(sameName)])}
          </p>
        )}
        {formError && <p className="error" role="alert" data-testid="form-error">{formError}</p>}
        <button type="submit" className="primary">{sameName ? t('addAnyway') : t('addAccount')}</button>
      </form>
    </section>
  );
}
