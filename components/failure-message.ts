import type { ErrorCode, ProtocolFailure } from '../lib/messaging/failure';
import type { AccountProblem } from '../lib/otp/errors';
import { LIMITS } from '../lib/otp/limits';
import { t, tn, type MessageKey } from './i18n';
import { siteProblemMessage } from './site-problem';

/** What is wrong with an account field; each message names the field ($1). */
const BY_PROBLEM: Record<AccountProblem, MessageKey> = {
  required: 'errorFieldRequired',
  'too-long': 'errorFieldTooLong',
  'control-characters': 'errorFieldControlCharacters',
  'invalid-base32': 'errorSecretInvalidBase32',
  unsupported: 'errorFieldUnsupported',
  'out-of-range': 'errorFieldOutOfRange',
  'not-an-integer': 'errorFieldNotInteger',
  'not-otpauth': 'errorNotOtpauth',
  malformed: 'errorFieldMalformed',
};

/** Every error code's sentence; codes with fields are refined in failureMessage. */
const BY_CODE: Record<ErrorCode, MessageKey> = {
  locked: 'errorLocked',
  'not-initialized': 'errorNotInitialized',
  'already-initialized': 'errorAlreadyInitialized',
  'wrong-password': 'errorWrongPassword',
  'weak-password': 'errorWeakPassword',
  'password-change-required': 'errorPasswordChangeRequired',
  'vault-damaged': 'errorVaultDamaged',
  'vault-unsupported-version': 'errorVaultUnsupportedVersion',
  'stored-data-unreadable': 'errorStoredDataUnreadable',
  'invalid-account': 'errorInvalidAccount',
  'duplicate-account': 'errorDuplicateAccount',
  'invalid-site': 'errorInvalidSite',
  'not-found': 'errorNotFound',
  'bad-request': 'errorBadRequest',
  'forbidden-sender': 'errorBadRequest',
  'scan-not-allowed': 'errorScanNotAllowed',
  'permission-required': 'errorPermissionRequired',
  'import-password-required': 'errorImportPasswordRequired',
  'import-wrong-password': 'errorImportWrongPassword',
  'import-unsupported-format': 'errorImportUnsupportedFormat',
  'import-damaged-file': 'errorImportDamagedFile',
  'import-limit-exceeded': 'errorImportLimitExceeded',
  'import-cut-short': 'errorImportCutShort_other',
  'cloud-not-configured': 'errorCloudNotConfigured',
  'cloud-signed-out': 'errorCloudSignedOut',
  'sign-in-required': 'errorSignInRequired',
  'no-backup': 'errorNoBackup',
  'backup-damaged': 'errorBackupDamaged',
  'backup-newer-version': 'errorBackupNewerVersion',
  'cloud-unreachable': 'errorCloudUnreachable',
  'cloud-forbidden': 'errorCloudForbidden',
  'fill-page-refused': 'errorFillNotScriptable',
  'fill-no-account': 'errorFillNoAccount',
  'fill-several': 'errorFillSeveral',
  'fill-frame-off-site': 'errorFillFrameOffSite',
  'fill-no-field': 'errorFillNoField',
  'fill-interrupted': 'errorFillInterrupted',
  'fill-already-bound': 'errorFillAlreadyBound',
  internal: 'errorInternal',
};

/** The sentence a person reads for a failure from the background. */
export function failureMessage(failure: ProtocolFailure): string {
  switch (failure.code) {
    case 'invalid-account':
      return accountProblemMessage(failure.field, failure.problem);
    case 'duplicate-account':
      if (failure.reason === 'same-secret') return t('errorDuplicateSecret');
      return failure.existing ? t('errorDuplicateAccountOf', [failure.existing]) : t('errorDuplicateAccount');
    case 'import-cut-short':
      return tn('errorImportCutShort', failure.accountsRead, [String(failure.accountsRead)]);
    case 'invalid-site':
      return siteProblemMessage(failure.problem, failure.input);
    case 'no-backup':
      return t('errorNoBackup', [failure.username]);
    case 'backup-damaged':
      return t(failure.problem === 'kdf-params' ? 'errorBackupKdfRefused' : failure.problem === 'weak-slot' ? 'errorBackupWeakSlot' : 'errorBackupDamaged');
    case 'fill-page-refused':
      if (failure.problem === 'insecure') return t('errorFillInsecure', [failure.host ?? '']);
      return t(failure.problem === 'not-web' ? 'errorFillNotWeb' : 'errorFillNotScriptable');
    case 'fill-no-account': {
      // "No account for evil.example — GitHub's is github.com": the site the user may have meant.
      const hint = failure.hints[0];
      return hint ? t('errorFillNoAccountHint', [failure.site, hint.issuer, hint.site]) : t('errorFillNoAccount', [failure.site]);
    }
    case 'fill-frame-off-site':
      return t('errorFillFrameOffSite', [failure.frameHost ?? '?', failure.site]);
    case 'fill-already-bound':
      return t('errorFillAlreadyBound', [failure.sites.join(', ')]);
    default:
      return t(BY_CODE[failure.code]);
  }
}

const isProblem = (problem: string): problem is AccountProblem => Object.prototype.hasOwnProperty.call(BY_PROBLEM, problem);

/**
 * What is wrong with one field of an account, as the add form says it. Also for
 * problems that arrive as plain strings (a scanned link, an imported entry's
 * `field/problem` code): an unknown problem gets the general sentence.
 */
export function accountProblemMessage(field: string, problem: string): string {
  if (!isProblem(problem)) return t('errorInvalidAccount');
  // A number out of its bounds says the bounds ("Digits: use a whole number from 6 to 10.").
  const range = RANGES[field];
  if (range && (problem === 'out-of-range' || problem === 'not-an-integer')) return t('errorFieldRange', [t(fieldKey(field)), ...range.map(String)]);
  return t(BY_PROBLEM[problem], [t(fieldKey(field))]);
}

/** The bounds of the number fields a person types (lib/otp/limits.ts); Steam's fixed digits are never typed. */
const RANGES: Partial<Record<string, readonly [number, number]>> = {
  digits: [LIMITS.minDigits, LIMITS.maxDigits],
  period: [LIMITS.minPeriodSeconds, LIMITS.maxPeriodSeconds],
};

/** The label of a form field, as the error names it. */
export function fieldKey(field: string): MessageKey {
  const keys: Record<string, MessageKey> = {
    uri: 'fieldUri',
    issuer: 'fieldIssuer',
    accountName: 'fieldAccountName',
    secret: 'fieldSecret',
    type: 'fieldType',
    algorithm: 'fieldAlgorithm',
    digits: 'fieldDigits',
    period: 'fieldPeriod',
    counter: 'fieldCounter',
    password: 'fieldPassword',
  };
  return keys[field] ?? 'fieldUri';
}
