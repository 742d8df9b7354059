import type { AccountDraft } from './account';

/** "Issuer: name", or whichever of the two the account has: how messages name an account. */
export function accountLabel(account: Pick<AccountDraft, 'issuer' | 'accountName'>): string {
  if (account.issuer && account.accountName) return `${account.issuer}: ${account.accountName}`;
  return account.issuer || account.accountName;
}
