import type { ProtocolFailure } from '../lib/messaging/protocol';
import { t, type MessageKey } from './i18n';

const BY_REASON: Record<string, MessageKey> = {
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

const BY_CODE: Record<ProtocolFailure['code'], MessageKey> = {
  locked: 'errorLocked',
  'not-initialized': 'errorNotInitialized',
  'already-initialized': 'errorAlreadyInitialized',
  'wrong-password': 'errorWrongPassword',
  'weak-password': 'errorWeakPassword',
  'vault-damaged': 'errorVaultDamaged',
  'vault-unsupported-version': 'errorVaultUnsupportedVersion',
  'invalid-account': 'errorInvalidAccount',
  'duplicate-account': 'errorDuplicateAccount',
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
  'cloud-not-configured': 'errorCloudNotConfigured',
  'cloud-signed-out': 'errorCloudSignedOut',
  'sign-in-required': 'errorSignInRequired',
  'no-backup': 'errorNoBackup',
  'backup-damaged': 'errorBackupDamaged',
  'backup-newer-version': 'errorBackupNewerVersion',
  'cloud-unreachable': 'errorCloudUnreachable',
  'cloud-forbidden': 'errorCloudForbidden',
  internal: 'errorInternal',
};

/** The sentence a person reads for a failure from the background. */
export function failureMessage(failure: ProtocolFailure): string {
  if (failure.code === 'invalid-account' && failure.reason && failure.reason in BY_REASON) {
    const fieldLabel = failure.field ? t(fieldKey(failure.field)) : '';
    return t(BY_REASON[failure.reason] as MessageKey, [fieldLabel]);
  }
  if (failure.code === 'duplicate-account') {
    return t(failure.reason === 'same-secret' ? 'errorDuplicateSecret' : 'errorDuplicateAccount');
  }
  return t(BY_CODE[failure.code] ?? 'errorInternal');
}

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
