import type { SignedInAccount } from '../auth/signed-in-account';
import type { ImportFormat } from '../import/result';
import type { Account, AccountDraft } from '../otp/account';
import type { Code } from '../otp/code';
import type { DuplicateReason } from '../otp/duplicates';
import type { ProblemCode } from '../sync/sync-state';
import type { SortOrder } from '../display/popup-settings';
import type { SiteAccountsView } from '../autofill/fill-view';

/*
 * What pages see of the background's data: views without secrets. Pages get
 * account views and codes; the background keeps the secrets.
 */

/** What a page may know about an account: everything except its secret. */
export type AccountView = Omit<Account, 'secret'>;

/** The current code of one account. `null` value: no code (needs verification). */
export interface CodeView extends Code {
  id: string;
  /** The code of the following period, only in the last part of this one (docs/popup-display.md, "Next code"). */
  next?: string;
}

export type LockState = 'uninitialized' | 'locked' | 'unlocked';

/**
 * What is known of the vault password against the password policy: it met it,
 * it is too easy to guess (backup and encrypted export wait for a change), or
 * it was never checked (set before the policy, or adopted from another device).
 */
export type PasswordCheckState = 'meets-policy' | 'weak' | 'unchecked';

export interface VaultStatus {
  state: LockState;
  /** Minutes of inactivity before the vault locks itself (known once unlocked). */
  autoLockMinutes?: number;
  /** In the answers of vault.status, unlock, create and check-password once unlocked (not in the snapshot). */
  passwordCheck?: PasswordCheckState;
  /** Locked, after a merge adopted a password changed on another device: its browser and when (until the next unlock). */
  passwordChangedElsewhere?: { browser: string; at: number };
}

/** All the background shows a page when it opens: one round trip to the first code. */
export interface Snapshot {
  status: VaultStatus;
  /** Every account in order, or the first `first` of them when the page asked for fewer. */
  accounts: AccountView[];
  /** The current codes of the accounts in `accounts` and in `site.accounts`. */
  codes: CodeView[];
  /** How many accounts the vault holds (more than `accounts.length` when the page asked for the first few). */
  accountCount: number;
  /** The cloud backup is behind this device: the popup shows its alert and one-click fix. */
  backupBehind: boolean;
  /** Unlocked, asked with `ordered`: the popup's display settings (accounts come in their order). */
  display?: DisplayView;
  /** Unlocked, asked with `tabId`: that tab's page and its accounts (docs/autofill.md "What each trigger does"). */
  site?: SiteSnapshot;
}

/**
 * The popup's tab in the popup's first answer: which accounts the page may get a
 * code for, and those accounts' views (their codes are in the snapshot's `codes`),
 * so they show with the first screen whatever their place in the list. Accounts
 * without a site (`view.unbound`) are named from the snapshot's `accounts`; a
 * first-screen snapshot (`first`) leaves them out (the full one brings them).
 */
export interface SiteSnapshot {
  view: SiteAccountsView;
  /** The accounts of `view.matching`, in that order. */
  accounts: AccountView[];
}

/** The popup's display settings as pages see and change them (docs/popup-display.md). */
export interface DisplayView {
  hideCodes: boolean;
  sort: SortOrder;
  /** Pinned account ids. */
  pinned: string[];
}

export interface SettingsView {
  /** Minutes of inactivity before the vault locks itself (1–1440). */
  autoLockMinutes: number;
  /** Seconds after which a copied code leaves the clipboard, if still there: 0 = never, else 5–600. */
  clipboardClearSeconds: number;
}

/** Why the cloud copy is behind, as the options page, popup and badge explain it: a sync problem, or a change not uploaded yet. */
export type CloudProblem = ProblemCode | 'pending';

/** The state of the cloud backup, as the Backup & recovery section shows it. */
export interface CloudStatusView {
  /** False when this build has no Microsoft app registered. */
  configured: boolean;
  enabled: boolean;
  account: Pick<SignedInAccount, 'username' | 'name'> | null;
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
  skipped: { incoming: AccountView; existing: AccountView; reason: DuplicateReason | 'same-id' }[];
}

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
  duplicateOf?: { id?: string; issuer: string; accountName: string; reason: DuplicateReason };
}

/** What an import would do, computed without writing anything. */
export interface ImportPreview {
  format: ImportFormat;
  encrypted: boolean;
  toAdd: ImportDraftView[];
  skipped: ImportSkipView[];
  /** `label`: the account (a short secret) or encoding (a non-UTF-8 file) a warning names. */
  warnings: { code: string; message: string; label?: string }[];
}

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
