import type { Account, AccountDraft } from '../otp/account';
import type { ScanAddResult, ScanTarget, ScanView } from '../scan/scan-view';
import type { Code } from '../otp/code';
import type { ImportFormat } from '../import/result';
import type { Failure, Result } from '../result';

/*
 * The one message protocol between the extension's pages and its background.
 * Every request is `{ type, payload }`; every response is a Result. The background
 * registers one handler per type (see lib/background/router.ts) and validates each
 * payload with the schema in ./schemas.ts before the handler sees it.
 *
 * Secrets never appear in a response: pages get account views and codes, the
 * background keeps the secrets. Time never comes from a page: codes are for the
 * background's own clock (a page asking for a later time would get future codes).
 */

/** What a page may know about an account: everything except its secret. */
export type AccountView = Omit<Account, 'secret'>;

/** The current code of one account. `null` value: no code (needs verification). */
export interface CodeView extends Code {
  id: string;
}

export type LockState = 'uninitialized' | 'locked' | 'unlocked';

export interface VaultStatus {
  state: LockState;
  /** Minutes of inactivity before the vault locks itself (known once unlocked). */
  autoLockMinutes?: number;
}

/** All the background shows a page when it opens: one round trip to the first code. */
export interface Snapshot {
  status: VaultStatus;
  accounts: AccountView[];
  codes: CodeView[];
  /** The cloud backup is behind this device: the popup shows its alert and one-click fix. */
  backupBehind: boolean;
}

export interface SettingsView {
  /** Minutes of inactivity before the vault locks itself (1–1440). */
  autoLockMinutes: number;
}

/** Fields an edit may change. The secret and the generator parameters are fixed at creation. */
export interface AccountEdit {
  issuer?: string;
  accountName?: string;
  deviceBound?: boolean;
}

/** Input for a new account, as typed in a form: anything may be wrong, the background validates. */
export type DraftInput = Partial<Record<keyof AccountDraft, unknown>>;

/** The Microsoft account the backup goes to (as MSAL reports it after sign-in). */
export interface CloudAccount {
  homeAccountId: string;
  username: string;
  name: string;
}

/** Why the cloud copy is behind, as the options page, popup and badge explain it. */
export type CloudProblem =
  | 'sign-in-required'
  | 'backup-missing'
  | 'offline'
  | 'throttled'
  | 'server-error'
  | 'forbidden'
  | 'needs-unlock'
  | 'needs-password'
  | 'remote-damaged'
  | 'remote-newer-version'
  | 'pending';

/** The state of the cloud backup, as the Backup & recovery section shows it. */
export interface CloudStatusView {
  /** False when this build has no Microsoft app registered. */
  configured: boolean;
  enabled: boolean;
  account: { username: string; name: string } | null;
  lastSuccessAt: number | null;
  /** A change is waiting for its upload. */
  pending: boolean;
  /** The cloud lacks something this device has (red badge). */
  behind: boolean;
  problem: CloudProblem | null;
  /** When the next automatic retry happens, if one is scheduled. */
  retryAt: number | null;
}

/** What a backup holds, before its password is entered. */
export type BackupInspection =
  | { found: true; username: string; accountCount: number; createdAt: number; browser: string }
  | { found: false; username: string };

/** A restore into a vault that already has accounts: what would be added and what is skipped. */
export interface RestorePlan {
  toAdd: AccountView[];
  skipped: { incoming: AccountView; existing: AccountView; reason: 'same-issuer-and-name' | 'same-secret' | 'same-id' }[];
}

/** A file to import (its bytes as standard base64, its name only a hint) or pasted text. See docs/transfer.md. */
export type ImportSource = { fileName?: string; bytesBase64: string } | { text: string };

/** An account an import would add, as the page may see it: everything but the secret. */
export type ImportDraftView = Omit<AccountDraft, 'secret'>;

/** An entry an import leaves out, and why: the importer's entry codes, `duplicate` or `duplicate-in-file`. */
export interface ImportSkipView {
  /** What a person recognises: "Issuer: name", "line 3", … */
  label: string;
  code: string;
  /** Developer-facing detail (English); the page translates `code`. */
  message: string;
  /** For duplicates: the account it matches (`id` absent when that one is earlier in the same file). */
  duplicateOf?: { id?: string; issuer: string; accountName: string; reason: 'same-issuer-and-name' | 'same-secret' };
}

/** What an import would do, computed without writing anything. */
export interface ImportPreview {
  format: ImportFormat;
  encrypted: boolean;
  toAdd: ImportDraftView[];
  skipped: ImportSkipView[];
  warnings: { code: string; message: string }[];
}

/** The file exports: our own encrypted file and two plain ones. */
export type ExportFileFormat = 'hikae-encrypted' | 'otpauth-uri-list' | 'aegis-plain';

/** An account an export leaves out (or, in the encrypted file, keeps without its secret). */
export interface ExportOmission {
  label: string;
  /** `device-bound`, `no-secret`, or Google Authenticator's `type/unsupported`, `digits/unsupported`, `period/unsupported`. */
  code: string;
  message: string;
}

/** A file to save: the page downloads `text` under `fileName`. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  text: string;
  notExported: ExportOmission[];
}

export interface Protocol {
  'vault.status': { payload: Record<string, never>; response: VaultStatus };
  'vault.snapshot': { payload: Record<string, never>; response: Snapshot };
  'vault.create': { payload: { password: string }; response: VaultStatus };
  'vault.unlock': { payload: { password: string }; response: VaultStatus };
  'vault.lock': { payload: Record<string, never>; response: VaultStatus };
  'vault.change-password': { payload: { currentPassword: string; newPassword: string }; response: null };
  'codes.get': { payload: Record<string, never>; response: CodeView[] };
  'accounts.add': { payload: { draft: DraftInput } | { uri: string }; response: AccountView };
  'accounts.parse-uri': { payload: { uri: string }; response: AccountView };
  'accounts.update': { payload: { id: string; edit: AccountEdit }; response: AccountView };
  'accounts.delete': { payload: { id: string }; response: null };
  'accounts.undo-delete': { payload: { id: string }; response: AccountView };
  'accounts.reorder': { payload: { ids: string[] }; response: null };
  'accounts.next-hotp': { payload: { id: string }; response: CodeView };
  // QR capture (docs/page-scanning.md): found codes are shown without secrets; "Add" adds the background's own copy.
  'scan.tab': { payload: { tabId: number }; response: ScanView };
  'scan.found': { payload: { tabId: number }; response: ScanView | null };
  'scan.texts': { payload: { texts: string[] }; response: ScanView };
  'scan.add': { payload: { target: ScanTarget; keys: string[] }; response: ScanAddResult };
  'scan.dismiss': { payload: { target: ScanTarget }; response: null };
  'scan.auto-detect.get': { payload: Record<string, never>; response: { enabled: boolean } };
  'scan.auto-detect.set': { payload: { enabled: boolean }; response: { enabled: boolean } };
  'settings.get': { payload: Record<string, never>; response: SettingsView };
  'settings.update': { payload: Partial<SettingsView>; response: SettingsView };
  'import.preview': { payload: { source: ImportSource; password?: string }; response: ImportPreview };
  'import.apply': { payload: { source: ImportSource; password?: string }; response: { added: number; skipped: number } };
  'export.file': { payload: { format: ExportFileFormat; password: string }; response: ExportedFile };
  'export.migration-qr': { payload: { password: string }; response: { uris: string[]; notExported: ExportOmission[] } };
  'cloud.status': { payload: Record<string, never>; response: CloudStatusView };
  'cloud.connect': { payload: { account: CloudAccount }; response: CloudStatusView };
  'cloud.enable': { payload: Record<string, never>; response: CloudStatusView };
  'cloud.join': { payload: { password: string }; response: CloudStatusView };
  'cloud.sync-now': { payload: Record<string, never>; response: CloudStatusView };
  'cloud.recreate': { payload: Record<string, never>; response: CloudStatusView };
  'cloud.disable': { payload: { deleteRemote: boolean }; response: CloudStatusView };
  'cloud.sign-out': { payload: Record<string, never>; response: CloudStatusView };
  'recovery.inspect': { payload: Record<string, never>; response: BackupInspection };
  'recovery.restore': { payload: { password: string }; response: { restored: number } };
  'recovery.plan': { payload: { password: string }; response: RestorePlan };
  'recovery.apply': {
    payload: { password: string; choices: Record<string, 'keep-both' | 'replace'> };
    response: { added: number; replaced: number; skipped: number };
  };
}

export type RequestType = keyof Protocol;
export type Payload<T extends RequestType> = Protocol[T]['payload'];
export type ResponseValue<T extends RequestType> = Protocol[T]['response'];
export type Response<T extends RequestType> = Result<ResponseValue<T>, ErrorCode>;

export interface Request<T extends RequestType = RequestType> {
  type: T;
  payload: Payload<T>;
}

/** Stable error codes a page can receive; each has a translated message in _locales. */
export type ErrorCode =
  | 'locked'
  | 'not-initialized'
  | 'already-initialized'
  | 'wrong-password'
  | 'weak-password'
  | 'vault-damaged'
  | 'vault-unsupported-version'
  | 'invalid-account'
  | 'duplicate-account'
  | 'not-found'
  | 'bad-request'
  | 'forbidden-sender'
  | 'scan-not-allowed'
  | 'permission-required'
  | 'import-password-required'
  | 'import-wrong-password'
  | 'import-unsupported-format'
  | 'import-damaged-file'
  | 'import-limit-exceeded'
  | 'cloud-not-configured'
  | 'cloud-signed-out'
  | 'sign-in-required'
  | 'no-backup'
  | 'backup-damaged'
  | 'backup-newer-version'
  | 'cloud-unreachable'
  | 'cloud-forbidden'
  | 'internal';

export type ProtocolFailure = Failure<ErrorCode>;
