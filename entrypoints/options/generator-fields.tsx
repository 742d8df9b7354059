import type { AccountField } from '../../lib/otp/errors';
import type { HashAlgorithm, OtpType } from '../../lib/otp/account';
import { ErrorOf } from '../../components/field-error';
import type { FieldErrors } from '../../components/use-field-errors';
import { t } from '../../components/i18n';

/** The generator parameters as typed (numbers stay text until validated). */
export interface GeneratorValues {
  algorithm: HashAlgorithm;
  digits: string;
  period: string;
  counter: string;
}

/**
 * Algorithm, digits and the moving factor (period for TOTP and Steam, counter for
 * HOTP), each with its error: shared by adding and editing an account. Steam's
 * algorithm and digits are fixed, so they are not offered.
 */
export function GeneratorFields({ type, values, onChange, errors }: {
  type: OtpType;
  values: GeneratorValues;
  onChange<K extends keyof GeneratorValues>(key: K, value: GeneratorValues[K]): void;
  errors: FieldErrors<AccountField>;
}) {
  const number = (key: 'digits' | 'period' | 'counter', label: string) => (
    <div>
      <label>
        {label}
        <input name={key} inputMode="numeric" value={values[key]} onChange={(e) => onChange(key, e.target.value)} {...errors.field(key)} />
      </label>
      <ErrorOf form={errors} field={key} />
    </div>
  );
  return (
    <div className="grid">
      {type !== 'steam' && (
        <label>
          {t('fieldAlgorithm')}
          <select name="algorithm" value={values.algorithm} onChange={(e) => onChange('algorithm', e.target.value as HashAlgorithm)} {...errors.field('algorithm')}>
            <option value="SHA1">SHA-1</option>
            <option value="SHA256">SHA-256</option>
            <option value="SHA512">SHA-512</option>
          </select>
        </label>
      )}
      {type !== 'steam' && number('digits', t('fieldDigits'))}
      {type === 'hotp' ? number('counter', t('fieldCounter')) : number('period', t('fieldPeriod'))}
    </div>
  );
}
