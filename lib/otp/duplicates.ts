import type { AccountDraft } from './account';

export type DuplicateReason = 'same-issuer-and-name' | 'same-secret';

const fold = (text: string) => text.normalize('NFKC').trim().toLocaleLowerCase('en');

/** Same issuer and account name, ignoring case, width and surrounding spaces. */
export function sameIssuerAndName(a: Pick<AccountDraft, 'issuer' | 'accountName'>, b: Pick<AccountDraft, 'issuer' | 'accountName'>): boolean {
  return fold(a.issuer) === fold(b.issuer) && fold(a.accountName) === fold(b.accountName);
}

/**
 * The rule that keeps anything from being overwritten or doubled ("recovery
 * prevention"): an account already exists when another has the same secret (a
 * true duplicate: the same codes), or the same issuer and account name (ignoring
 * case and width) — a likelier mistake than not, but a warning the user may go
 * past. Used by manual entry, QR capture, import and restore alike.
 *
 * The same secret is looked for first, over every account: a candidate that
 * shares its name with one account and its secret with another is a true
 * duplicate of the second (restore then offers no "keep both" for it).
 *
 * `sameNameAllowed`: the user was warned of the same issuer and name and chose to
 * keep both (a site that issued a new key, two logins shown alike): only the same
 * secret counts then.
 */
export function findDuplicate<T extends Pick<AccountDraft, 'issuer' | 'accountName' | 'secret'>>(
  existing: readonly T[],
  candidate: Pick<AccountDraft, 'issuer' | 'accountName' | 'secret'>,
  { sameNameAllowed = false }: { sameNameAllowed?: boolean } = {},
): { existing: T; reason: DuplicateReason } | null {
  const sameSecret = candidate.secret === '' ? undefined : existing.find((account) => account.secret === candidate.secret);
  if (sameSecret) return { existing: sameSecret, reason: 'same-secret' };
  const sameName = sameNameAllowed ? undefined : existing.find((account) => sameIssuerAndName(account, candidate));
  return sameName ? { existing: sameName, reason: 'same-issuer-and-name' } : null;
}
