import type { AccountDraft } from './account';

export type DuplicateReason = 'same-issuer-and-name' | 'same-secret';

const fold = (text: string) => text.normalize('NFKC').trim().toLocaleLowerCase('en');

/** Same issuer and account name, ignoring case, width and surrounding spaces. */
export function sameIssuerAndName(a: Pick<AccountDraft, 'issuer' | 'accountName'>, b: Pick<AccountDraft, 'issuer' | 'accountName'>): boolean {
  return fold(a.issuer) === fold(b.issuer) && fold(a.accountName) === fold(b.accountName);
}

/**
 * The rule that keeps anything from being overwritten or doubled ("recovery
 * prevention"): an account already exists when another has the same issuer and
 * account name (ignoring case and width), or the same secret. Used by manual
 * entry, QR capture, import and restore alike.
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
  for (const account of existing) {
    if (candidate.secret !== '' && account.secret === candidate.secret) return { existing: account, reason: 'same-secret' };
    if (!sameNameAllowed && sameIssuerAndName(account, candidate)) {
      return { existing: account, reason: 'same-issuer-and-name' };
    }
  }
  return null;
}
