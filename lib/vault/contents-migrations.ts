import type { MigrationTable } from './migrations';

/*
 * Migrations of the encrypted contents shared by the vault and the backup (both
 * carry account records; see docs/vault-format.md "Contents versions").
 */

/**
 * 1 → 2 (docs/autofill.md): an account's single optional `site` (the page it was
 * scanned on) becomes the first entry of `sites`; settings gain `fillPressEnter`
 * by their default. Version 1 readers would have dropped the new fields silently,
 * hence the new version.
 */
export function sitesFromSite(data: Record<string, unknown>): Record<string, unknown> {
  const accounts = data.accounts;
  if (!Array.isArray(accounts)) return data;
  return {
    ...data,
    accounts: accounts.map((account: unknown) => {
      if (typeof account !== 'object' || account === null || !('site' in account)) return account;
      const { site, ...rest } = account as Record<string, unknown>;
      return typeof site === 'string' && site !== '' ? { ...rest, sites: [site] } : rest;
    }),
  };
}

/** The table both contents formats run. */
export const SHARED_CONTENTS_MIGRATIONS: MigrationTable = { 1: sitesFromSite };
