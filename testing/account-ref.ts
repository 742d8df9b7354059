import { HikaeKitError } from './errors.js';
import type { AccountRef, KitAccount } from './types.js';

/** How a person names an account: "Issuer: name", or one of them when the other is empty. */
export function accountLabel(account: Pick<KitAccount, 'issuer' | 'accountName'>): string {
  if (account.issuer && account.accountName) return `${account.issuer}:${account.accountName}`;
  return account.issuer || account.accountName;
}

/** The accounts a string names, trying its id, its label, its issuer, then its account name. */
function byString(accounts: readonly KitAccount[], ref: string): KitAccount[] {
  const tests: ((a: KitAccount) => boolean)[] = [
    (a) => a.id === ref,
    (a) => accountLabel(a) === ref,
    (a) => a.issuer === ref,
    (a) => a.accountName === ref,
  ];
  for (const test of tests) {
    const found = accounts.filter(test);
    if (found.length > 0) return found;
  }
  return [];
}

/** Finds the one account `ref` names; none or several is a {@link HikaeKitError}. */
export function resolveAccount<A extends KitAccount>(accounts: readonly A[], ref: AccountRef): A {
  const found =
    typeof ref === 'string'
      ? (byString(accounts, ref) as A[])
      : accounts.filter(
          (a) =>
            (ref.id === undefined || a.id === ref.id) &&
            (ref.issuer === undefined || a.issuer === ref.issuer) &&
            (ref.accountName === undefined || a.accountName === ref.accountName),
        );
  const shown = JSON.stringify(ref);
  const [only] = found;
  if (found.length === 1 && only) return only;
  if (found.length === 0) {
    const have = accounts.map(accountLabel).join(', ') || 'none';
    throw new HikaeKitError('account-not-found', `No account matches ${shown}. Accounts: ${have}.`);
  }
  throw new HikaeKitError('ambiguous-account', `${found.length} accounts match ${shown}: ${found.map(accountLabel).join(', ')}. Name it by id or "Issuer:accountName".`);
}
