import { request } from './background-client';
import { confirmation } from '../lib/forms/field-problems';
import { t, uiLanguage } from './i18n';
import type { FieldMessages } from './use-field-errors';

/*
 * The page's side of the password policy when a password is chosen (first run,
 * change password): the estimator is loaded here, on demand — never on the
 * popup's start path.
 */

/** A chosen password: accepted with its score, or refused with what is wrong with each field (all at once). */
export type PasswordChoice = { ok: true; score: number } | { ok: false; errors: FieldMessages<NewPasswordField> };

/** The two fields of a new password (their `name` attributes). */
export type NewPasswordField = 'new-password' | 'confirm-password';

const language = (): 'en' | 'ja' => (uiLanguage().startsWith('ja') ? 'ja' : 'en');

/** The policy's verdict on `password` in the UI's language: its score, and the sentence that says why it is refused. */
export async function judgeInPage(password: string): Promise<{ score: number; refusal: string | null }> {
  const { judgePassword } = await import('../lib/vault/password-policy');
  const { strength, refusal } = judgePassword(password, { language: language() });
  if (refusal === null) return { score: strength.score, refusal: null };
  if (refusal === 'too-short') return { score: strength.score, refusal: t('errorWeakPassword') };
  const why = strength.warning ?? t('passwordGuessesReason', [String(Math.floor(strength.guessesLog10))]);
  return { score: strength.score, refusal: t('errorPasswordTooGuessable', [why]) };
}

/** Checks a new password against the policy and its confirmation; a mismatch is Confirm's error, not the password's. */
export async function choosePassword(password: string, confirm: string): Promise<PasswordChoice> {
  const { score, refusal } = await judgeInPage(password);
  const confirmProblem = confirmation(password, confirm);
  const errors: FieldMessages<NewPasswordField> = {};
  if (refusal) errors['new-password'] = refusal;
  if (confirmProblem) errors['confirm-password'] = confirmProblem === 'differs' ? t('errorPasswordsDiffer') : t('errorFieldRequired', [t('fieldConfirmPassword')]);
  return refusal || confirmProblem ? { ok: false, errors } : { ok: true, score };
}

/** A passphrase suggested with WebCrypto randomness, and how many bits of randomness it has. */
export async function suggestPassphraseInPage(): Promise<{ text: string; bits: number }> {
  const { suggestPassphrase } = await import('../lib/vault/password-policy');
  const { text, entropyBits } = suggestPassphrase((array) => crypto.getRandomValues(array));
  return { text, bits: Math.floor(entropyBits) };
}

/**
 * After an unlock (or an export) with a password the background never had a
 * verdict for: judge it here and file the verdict, so a weak one is asked to
 * change before backup or an encrypted export. Best effort: a page closed
 * meanwhile leaves it unchecked until the next time.
 */
export async function fileVerdictOf(password: string): Promise<void> {
  const { score } = await judgeInPage(password);
  await request('vault.check-password', { password, score });
}
