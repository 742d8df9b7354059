import type { ExportFileFormat, ExportOmission, ImportSkipView } from '../../lib/messaging/protocol';
import type { ImportFormat } from '../../lib/import/result';
import { accountProblemMessage } from '../../components/failure-message';
import { t, type MessageKey } from '../../components/i18n';

/*
 * The words of the Import & export section for the codes the background sends
 * (docs/transfer.md). A code without a translation falls back to the
 * background's own (English) message rather than hiding the reason.
 */

const FORMAT_NAMES: Record<ImportFormat, MessageKey> = {
  'otpauth-uri-list': 'formatOtpauthUriList',
  'google-authenticator': 'formatGoogleAuthenticator',
  aegis: 'formatAegis',
  '2fas': 'format2fas',
  andotp: 'formatAndotp',
  'bitwarden-json': 'formatBitwardenJson',
  'bitwarden-csv': 'formatBitwardenCsv',
  'ente-auth': 'formatEnteAuth',
  'freeotp-plus': 'formatFreeotpPlus',
  'proton-authenticator': 'formatProtonAuthenticator',
  steam: 'formatSteam',
  authy: 'formatAuthy',
  'microsoft-authenticator': 'formatMicrosoftAuthenticator',
  freeotp: 'formatFreeotp',
  stratum: 'formatStratum',
  'totp-authenticator': 'formatTotpAuthenticator',
  'authenticator-plus': 'formatAuthenticatorPlus',
  duo: 'formatDuo',
  'battle-net': 'formatBattleNet',
  'hikae-encrypted': 'formatHikaeEncrypted',
};

/** The app or format a file was read as, e.g. "2FAS". */
export const formatName = (format: ImportFormat): string => t(FORMAT_NAMES[format]);

const SKIP_REASONS: Record<string, MessageKey> = {
  'duplicate-in-file': 'importSkipDuplicateInFile',
  'no-secret': 'importSkipNoSecret',
  'unsupported-type': 'importSkipUnsupportedType',
  'in-trash': 'importSkipInTrash',
  'too-long': 'importSkipTooLong',
  'not-an-entry': 'importSkipMalformed',
  malformed: 'importSkipMalformed',
  'missing-field': 'importSkipMalformed',
  'secret/malformed': 'importSkipMalformed',
  'secret/invalid-base64': 'importSkipMalformed',
  'damaged-migration-payload': 'importSkipDamagedQr',
  'migration-cut-short': 'importSkipCutShortQr',
  'secret/damaged': 'importSkipDamagedSecret',
};

/** Why an entry is not imported, in the user's language. */
export function skipReason(entry: ImportSkipView): string {
  if (entry.code === 'duplicate' && entry.duplicateOf) {
    const { issuer, accountName } = entry.duplicateOf;
    return t('importSkipDuplicate', [issuer && accountName ? `${issuer}: ${accountName}` : issuer || accountName]);
  }
  const key = SKIP_REASONS[entry.code];
  if (key) return t(key);
  // "field/problem": the account model's own field errors, translated as the add form does.
  const [field, problem] = entry.code.split('/');
  if (field && problem) {
    const text = accountProblemMessage(field, problem);
    if (text !== t('errorInvalidAccount')) return text;
  }
  return entry.message;
}

const WARNINGS: Record<string, MessageKey> = {
  'migration-batch-incomplete': 'importWarnMigrationIncomplete',
  'newer-version': 'importWarnNewerVersion',
};

/** Warnings about one account or about the file's encoding name it (`label`) in the text. */
const LABELLED_WARNINGS: Record<string, MessageKey> = {
  'short-secret': 'importWarnShortSecret',
  'not-utf8': 'importWarnNotUtf8',
};

export const warningText = (warning: { code: string; message: string; label?: string }): string => {
  const labelled = LABELLED_WARNINGS[warning.code];
  if (labelled && warning.label !== undefined) return t(labelled, [warning.label]);
  const key = WARNINGS[warning.code];
  return key ? t(key) : warning.message;
};

const OMISSIONS: Record<string, MessageKey> = {
  'device-bound': 'exportOmitDeviceBound',
  'no-secret': 'exportOmitNoSecret',
  'type/unsupported': 'exportOmitSteam',
  'digits/unsupported': 'exportOmitDigits',
  'period/unsupported': 'exportOmitPeriod',
};

/** Why an account is not in an export; the encrypted file keeps device-bound accounts without their secret. */
export function omissionText(omission: ExportOmission, format: ExportFileFormat | 'google-authenticator'): string {
  if (omission.code === 'device-bound' && format === 'hikae-encrypted') return t('exportOmitDeviceBoundEncrypted');
  const key = OMISSIONS[omission.code];
  return key ? t(key) : omission.message;
}
