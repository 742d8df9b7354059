import type { Account, AccountDraft } from '../otp/account';
import type { Code } from '../otp/code';
import type { Failure, Result } from '../result';

/*
 * The one message protocol between the extension's pages and its background.
 * Every request is `{ type, payload }`; every response is a Result. The background
 * registers one handler per type (see lib/background/router.ts) and validates each
 * payload with the schema in ./schemas.ts before the handler sees it.
 *
 * Secrets never appear in a response: pages get account views and codes, the
 * background keeps the secrets.
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

/** Every request type, its payload and its response value. */
export interface Protocol {
  'vault.status': { payload: Record<string, never>; response: VaultStatus };
  'vault.snapshot': { payload: { nowMs?: number }; response: Snapshot };
  'vault.create': { payload: { password: string }; response: VaultStatus };
  'vault.unlock': { payload: { password: string }; response: VaultStatus };
  'vault.lock': { payload: Record<string, never>; response: VaultStatus };
  'vault.change-password': { payload: { currentPassword: string; newPassword: string }; response: null };
  'codes.get': { payload: { nowMs?: number }; response: CodeView[] };
  'accounts.add': { payload: { draft: DraftInput } | { uri: string }; response: AccountView };
  'accounts.parse-uri': { payload: { uri: string }; response: AccountView };
  'accounts.update': { payload: { id: string; edit: AccountEdit }; response: AccountView };
  'accounts.delete': { payload: { id: string }; response: null };
  'accounts.undo-delete': { payload: { id: string }; response: AccountView };
  'accounts.reorder': { payload: { ids: string[] }; response: null };
  'accounts.next-hotp': { payload: { id: string }; response: CodeView };
  'settings.get': { payload: Record<string, never>; response: SettingsView };
  'settings.update': { payload: Partial<SettingsView>; response: SettingsView };
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
  | 'internal';

export type ProtocolFailure = Failure<ErrorCode>;
