/*
 * The vault password policy (docs/security.md, "Password policy"): what any
 * password that protects the vault — and so the backup and the Hikae export,
 * files anyone holding them can attack offline — must meet. Kept free of the
 * strength estimator so the background can apply the verdict a page reports
 * without loading 1.9 MB of dictionaries (lib/vault/password-policy.ts is the
 * page's side).
 */

/** Shortest password accepted, in characters (code points). */
export const MIN_PASSWORD_LENGTH = 8;

/**
 * Least zxcvbn score accepted: 3, "safely unguessable" (≥ 10⁸ guesses). With
 * Argon2id at the default cost that is years of one GPU's work per backup.
 * zxcvbn's score already counts length: a long passphrase of common words scores 3–4.
 */
export const MIN_PASSWORD_SCORE = 3;

/** Why a password is refused: under the length floor, or too easy to guess. */
export type PasswordRefusal = 'too-short' | 'too-guessable';

/** The refusal for a password with the given zxcvbn `score` (0–4), or `null` when it is accepted. */
export function passwordRefusal(password: string, score: number): PasswordRefusal | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too-short';
  return score >= MIN_PASSWORD_SCORE ? null : 'too-guessable';
}
