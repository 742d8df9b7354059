import { useState, type FormEvent } from 'react';
import type { AccountEdit, AccountView } from '../../lib/messaging/protocol';
import type { AccountField } from '../../lib/otp/errors';
import { request } from '../../components/background-client';
import { failureMessage } from '../../components/failure-message';
import { failureField } from '../../lib/messaging/failure';
import { ErrorOf } from '../../components/field-error';
import { useFieldErrors } from '../../components/use-field-errors';
import { t } from '../../components/i18n';
import { asNumber, draftMessages } from './draft-messages';
import { GeneratorFields, type GeneratorValues } from './generator-fields';

/** Where a refused save is shown: the field it names, or the names for a duplicate of another account. */
function fieldOf(failure: Parameters<typeof failureMessage>[0]): AccountField | undefined {
  if (failure.code === 'duplicate-account') return failure.reason === 'same-secret' ? 'secret' : 'accountName';
  return failureField(failure) as AccountField | undefined;
}

/**
 * Inline editing: names and device binding, and — behind a warning, with the same
 * validation as adding — the secret and the code parameters. The secret is never
 * shown: a new one replaces it, an empty field keeps it. An account still waiting
 * for its secret is completed by Verify, not here.
 */
export function AccountEditor({ account, onDone }: { account: AccountView; onDone(changed: boolean): void }) {
  const [issuer, setIssuer] = useState(account.issuer);
  const [accountName, setAccountName] = useState(account.accountName);
  const [deviceBound, setDeviceBound] = useState(account.deviceBound ?? false);
  const [secret, setSecret] = useState('');
  const [generator, setGenerator] = useState<GeneratorValues>({
    algorithm: account.algorithm,
    digits: String(account.digits),
    period: String(account.period),
    counter: String(account.counter),
  });
  const errors = useFieldErrors<AccountField>();
  const [formError, setFormError] = useState<string | null>(null);
  const keyEditable = !account.needsVerification;
  const ids = `edit-${account.id}`;

  const changed = (field: AccountField) => {
    errors.clear(field);
    setFormError(null);
  };
  const setParameter = <K extends keyof GeneratorValues>(key: K, value: GeneratorValues[K]) => {
    setGenerator((g) => ({ ...g, [key]: value }));
    changed(key);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const parameters = { algorithm: generator.algorithm, digits: asNumber(generator.digits), period: asNumber(generator.period), counter: asNumber(generator.counter) };
    const typed = { issuer, accountName, type: account.type, ...(keyEditable ? parameters : {}) };
    // An empty secret keeps the current one: it is checked only when typed.
    const messages = draftMessages({ ...typed, secret: keyEditable ? secret : '' }, secret.trim() === '' ? ['secret'] : []);
    errors.show(messages);
    if (Object.keys(messages).length > 0) return;
    const edit: AccountEdit = { issuer, accountName, deviceBound, ...(keyEditable ? parameters : {}), ...(keyEditable && secret.trim() !== '' ? { secret } : {}) };
    const result = await request('accounts.update', { id: account.id, edit });
    if (result.ok) return onDone(true);
    const field = fieldOf(result.error);
    if (field) errors.show({ [field]: failureMessage(result.error) });
    else setFormError(failureMessage(result.error));
  }

  return (
    <form ref={errors.form} className="editor" onSubmit={save} aria-label={t('editAccount')} data-testid="account-editor" noValidate>
      <label>
        {t('fieldIssuer')}
        <input name="issuer" value={issuer} onChange={(e) => { setIssuer(e.target.value); changed('issuer'); }} {...errors.field('issuer')} />
      </label>
      <ErrorOf form={errors} field="issuer" />
      <label>
        {t('fieldAccountName')}
        <input name="accountName" value={accountName} onChange={(e) => { setAccountName(e.target.value); changed('accountName'); }} autoFocus
          {...errors.field('accountName')} />
      </label>
      <ErrorOf form={errors} field="accountName" />
      <label className="checkbox">
        <input type="checkbox" name="deviceBound" checked={deviceBound} onChange={(e) => setDeviceBound(e.target.checked)} />
        {t('fieldDeviceBound')}
      </label>
      <p className="muted small">{t('deviceBoundHelp')}</p>
      {keyEditable && (
        <details data-testid="edit-key">
          <summary>{t('editKeyTitle')}</summary>
          <p className="warning" role="note" id={`${ids}-warning`}>{t('editKeyWarning')}</p>
          <label>
            {t('fieldNewSecret')}
            <input name="secret" value={secret} onChange={(e) => { setSecret(e.target.value); changed('secret'); }} spellCheck={false} autoComplete="off"
              placeholder="JBSW Y3DP EHPK 3PXP" {...errors.field('secret', `${ids}-secret-help ${ids}-warning`)} />
          </label>
          <p className="muted small" id={`${ids}-secret-help`}>{t('newSecretHelp')}</p>
          <ErrorOf form={errors} field="secret" />
          <GeneratorFields type={account.type} values={generator} onChange={setParameter} errors={errors} />
        </details>
      )}
      {formError && <p className="error" role="alert" data-testid="form-error">{formError}</p>}
      <div className="buttons">
        <button type="submit" className="primary">{t('save')}</button>
        <button type="button" onClick={() => onDone(false)}>{t('cancel')}</button>
      </div>
    </form>
  );
}
