import { mergeMigrationPayloads } from '../migration';
import type { AccountDraft } from '../otp/account';
import { InvalidAccountError } from '../otp/errors';
import { findDuplicate } from '../otp/duplicates';
import { parseOtpUri } from '../otp/uri';
import type { MigrationBatchView, ScanProblem } from './scan-view';

/** One account read from the kept texts, with its secret: background only. */
export interface FoundAccount {
  key: string;
  draft: AccountDraft;
  from: 'otpauth' | 'migration';
}

export interface FoundCodes {
  accounts: FoundAccount[];
  problems: ScanProblem[];
  migration: MigrationBatchView[];
}

const MIGRATION = /^otpauth-migration:\/\//i;
const KEY_HEX_DIGITS = 24;

/**
 * Reads kept QR texts (see `keepOtpTexts`) into accounts and problems
 * (docs/page-scanning.md "Found codes"): each `otpauth://` link is parsed strictly
 * and given `site`; all `otpauth-migration://` texts are merged as the parts of one
 * or more Google Authenticator exports (their accounts get no site); accounts that
 * repeat (same secret, or same issuer and name) are listed once.
 * @param site registrable domain of the page, or `null` (image files)
 */
export async function readFoundCodes(texts: readonly string[], site: string | null): Promise<FoundCodes> {
  const accounts: FoundAccount[] = [];
  const problems: ScanProblem[] = [];
  const add = async (draft: AccountDraft, from: FoundAccount['from']) => {
    if (findDuplicate(accounts.map((a) => a.draft), draft)) return;
    accounts.push({ key: await accountKey(draft), draft, from });
  };

  const migrationTexts: string[] = [];
  for (const text of texts) {
    if (MIGRATION.test(text)) {
      migrationTexts.push(text);
      continue;
    }
    try {
      const draft = parseOtpUri(text);
      await add(site === null ? draft : { ...draft, sites: [site] }, 'otpauth');
    } catch (error) {
      if (!(error instanceof InvalidAccountError)) throw error;
      problems.push({ code: 'invalid-otpauth', field: error.field, reason: error.problem, message: error.message });
    }
  }

  const migration: MigrationBatchView[] = [];
  if (migrationTexts.length > 0) {
    const merged = mergeMigrationPayloads(migrationTexts);
    for (const draft of merged.accounts) await add(draft, 'migration');
    for (const skipped of merged.skipped) {
      if (skipped.reason.code === 'damaged-migration-payload' || skipped.reason.code === 'migration-cut-short') {
        problems.push({ code: 'invalid-migration', message: skipped.reason.message });
      } else {
        problems.push({ code: 'migration-entry', label: skipped.label, reason: skipped.reason.code, message: skipped.reason.message });
      }
    }
    for (const batch of merged.batches) migration.push({ batchSize: batch.batchSize, missing: batch.missingIndexes.map((i) => i + 1) });
  }
  return { accounts, problems, migration };
}

/**
 * A found account's key: the first 24 hex digits of SHA-256 over its fields in a
 * fixed order (site left out, so a rescan keeps the key). Distinct accounts get
 * distinct keys; the key does not reveal the secret.
 */
export async function accountKey(draft: AccountDraft): Promise<string> {
  const canonical = JSON.stringify([draft.type, draft.issuer, draft.accountName, draft.secret, draft.algorithm, draft.digits, draft.period, draft.counter]);
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('').slice(0, KEY_HEX_DIGITS);
}
