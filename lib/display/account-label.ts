/**
 * An account's full name on one line, "Issuer — account name" (the account name alone
 * without an issuer): what a title shows where the names are cut to fit, and what a
 * list of accounts names them by.
 */
export const accountLabel = (account: { issuer: string; accountName: string }): string =>
  account.issuer ? `${account.issuer} — ${account.accountName}` : account.accountName;
