import type { AccountDraft } from '../otp/account';
import type { DuplicateReason } from '../otp/duplicates';

/*
 * What the popup and the options page see of found codes (docs/page-scanning.md
 * "Messages"): everything but secrets. Plain data, for message answers.
 */

/** Whose found codes: a browser tab's, or the options page's image scan. */
export type ScanTarget = { tabId: number } | { image: true };

/** One account a QR code holds, as a page may see it. */
export type FoundAccountView = Omit<AccountDraft, 'secret'> & {
  /** Stable within its record: first 24 hex digits of SHA-256 over the draft (not the secret). */
  key: string;
  /** An `otpauth://` code, or one account of a Google Authenticator export. */
  from: 'otpauth' | 'migration';
  /** The account already in the vault it matches ("already in your accounts"), if any. */
  existing: { id: string; reason: DuplicateReason } | null;
  /** Added from this record already. */
  added: boolean;
};

/** Why a code that looked like one of ours gives no account. */
export type ScanProblem =
  /** An otpauth:// link that does not parse: the field and reason as when it is typed by hand. */
  | { code: 'invalid-otpauth'; field: string; reason: string; message: string }
  /** An otpauth-migration:// code that cannot be decoded. */
  | { code: 'invalid-migration'; message: string }
  /** One account of an export that our model cannot hold; `reason` is e.g. `algorithm/unsupported`. */
  | { code: 'migration-entry'; label: string; reason: string; message: string };

/** A Google Authenticator export seen in part or whole. Part numbers count from 1. */
export interface MigrationBatchView {
  batchSize: number;
  missing: number[];
}

export interface ScanView {
  target: ScanTarget;
  /** Registrable domain of the page the codes came from; `null` for image files. */
  site: string | null;
  accounts: FoundAccountView[];
  problems: ScanProblem[];
  migration: MigrationBatchView[];
  /** How the last on-demand scan went (diagnostics and the benchmark); absent on stored views. */
  stats?: ScanStats;
}

/** Times in ms, as the background measured them. */
export interface ScanStats {
  /** Injecting the collector and getting its report back. */
  collectMs: number;
  /** The collector's own time in the page. */
  pageMs: number;
  /** Reading pixels and decoding (screenshot included). */
  decodeMs: number;
  /** Whole request in the background. */
  totalMs: number;
  /** Candidates the page sent; images decoded. */
  candidates: number;
  decodedImages: number;
  screenshot: boolean;
}

/** What `scan.add` did: the accounts added, and those left out with the duplicate rule's reason. */
export interface ScanAddResult {
  added: { id: string; issuer: string; accountName: string }[];
  skipped: { key: string; reason: DuplicateReason | 'not-found' }[];
}
