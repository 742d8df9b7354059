/** What the user chose for a backup account that is already here (docs/backup-sync.md "Recovery prevention"). */
export type RestoreChoice = 'skip' | 'keep-both' | 'replace';

/** What a restore next to existing accounts will do, given the choices made so far. */
export interface RestoreTally {
  /** New accounts: those not here yet, plus those kept twice. */
  add: number;
  /** Accounts here that the backup's copy will overwrite. */
  replace: number;
  /** Accounts here left exactly as they are. */
  leave: number;
}

/**
 * Counts a restore plan: `toAdd` accounts not here yet, `alreadyHere` ids of those
 * that are, each skipped unless `choices` says otherwise.
 */
export function restoreTally(toAdd: number, alreadyHere: readonly string[], choices: Readonly<Record<string, RestoreChoice>>): RestoreTally {
  const tally: RestoreTally = { add: toAdd, replace: 0, leave: 0 };
  for (const id of alreadyHere) {
    const choice = choices[id] ?? 'skip';
    if (choice === 'keep-both') tally.add++;
    else if (choice === 'replace') tally.replace++;
    else tally.leave++;
  }
  return tally;
}
