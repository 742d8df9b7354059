import type { Handler } from '../core';
import { readContents } from '../vault';
import { codesFor } from '../core';

/** The current codes of every account, or of the listed ones only (the rows a page shows). */
export const codesGet: Handler<'codes.get'> = async ({ ids }, ports) => {
  const { accounts } = await readContents(ports);
  if (ids === undefined) return codesFor(accounts, ports.now());
  const wanted = new Set(ids);
  return codesFor(accounts.filter((account) => wanted.has(account.id)), ports.now());
};
