import type { Account, AccountDraft } from '../../otp/account';
import { findDuplicate, type DuplicateReason } from '../../otp/duplicates';

/** An imported account left out because one like it is already there. */
export interface ImportDuplicate {
  draft: AccountDraft;
  /** The vault's account it matches, or (`inFile`) an earlier entry of the same file. */
  existing: Pick<AccountDraft, 'issuer' | 'accountName'> & { id?: string };
  reason: DuplicateReason;
  inFile: boolean;
}

export interface ImportPlan {
  /** In the file's order. */
  toAdd: AccountDraft[];
  duplicates: ImportDuplicate[];
}

/**
 * Splits imported drafts into those to add and duplicates, by the rule of manual
 * entry and recovery (`findDuplicate`: same issuer and name, or same secret).
 * Nothing already in the vault is ever replaced. Unlike a restore, entries of one
 * file are also compared with each other: the first is added, a later one that
 * matches it is a duplicate (adding it by hand would be refused too).
 */
export function planImport(existing: readonly Account[], drafts: readonly AccountDraft[]): ImportPlan {
  const toAdd: AccountDraft[] = [];
  const duplicates: ImportDuplicate[] = [];
  for (const draft of drafts) {
    const inVault = findDuplicate(existing, draft);
    if (inVault) {
      const { id, issuer, accountName } = inVault.existing;
      duplicates.push({ draft, existing: { id, issuer, accountName }, reason: inVault.reason, inFile: false });
      continue;
    }
    const earlier = findDuplicate(toAdd, draft);
    if (earlier) {
      const { issuer, accountName } = earlier.existing;
      duplicates.push({ draft, existing: { issuer, accountName }, reason: earlier.reason, inFile: true });
      continue;
    }
    toAdd.push(draft);
  }
  return { toAdd, duplicates };
}
