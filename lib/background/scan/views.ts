import type { Account } from '../../otp/account';
import { findDuplicate } from '../../otp/duplicates';
import { readFoundCodes, type FoundCodes } from '../../scan/found-codes';
import type { ScanTarget, ScanView } from '../../scan/scan-view';
import type { BackgroundPorts } from '../core';
import type { ScanRecord } from './store';
import { currentKey } from '../vault';
import { openCached, readVaultFile } from '../vault';

/** The target a record belongs to, as pages name it. */
export function recordTarget(record: ScanRecord): ScanTarget {
  return record.target.kind === 'tab' ? { tabId: record.target.tabId } : { image: true };
}

/** The vault's accounts when it is unlocked; `null` when locked or not created (duplicates then unknown). */
export async function accountsIfUnlocked(ports: BackgroundPorts): Promise<Account[] | null> {
  const key = await currentKey(ports);
  if (!key) return null;
  const file = await readVaultFile(ports);
  if (!file) return null;
  return (await openCached(ports, file, key.masterKey)).accounts;
}

/** The record's found codes as a page may see them: no secrets, with "already in your accounts". */
export function toScanView(record: ScanRecord, found: FoundCodes, vaultAccounts: readonly Account[] | null): ScanView {
  const added = new Set(record.addedKeys);
  return {
    target: recordTarget(record),
    site: record.site,
    accounts: found.accounts.map(({ key, draft, from }) => {
      const { secret: _secret, ...visible } = draft;
      const duplicate = vaultAccounts ? findDuplicate(vaultAccounts, draft) : null;
      return {
        ...visible,
        key,
        from,
        existing: duplicate ? { id: duplicate.existing.id, reason: duplicate.reason } : null,
        added: added.has(key),
      };
    }),
    problems: found.problems,
    migration: found.migration,
  };
}

/** Reads a record's texts and builds its view against the vault. */
export async function scanViewOf(ports: BackgroundPorts, record: ScanRecord): Promise<ScanView> {
  const found = await readFoundCodes(record.texts, record.site);
  return toScanView(record, found, await accountsIfUnlocked(ports));
}

/** How many found accounts still wait for the user: not added, not already in the vault. */
export function waitingCount(view: ScanView): number {
  return view.accounts.filter((a) => !a.added && !a.existing).length;
}
