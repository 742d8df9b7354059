import { dictionary } from '@zxcvbn-ts/language-common';
import { generatePassphrase, type Passphrase, type RandomUint32 } from './passphrase';
import { passwordRefusal, type PasswordRefusal } from './password-rules';
import { estimatePasswordStrength, type PasswordStrength } from './password-strength';

/*
 * The page's side of the password policy (lib/vault/password-rules.ts): the
 * strength estimate and the verdict, and suggested passphrases. Loads the
 * estimator's dictionaries: import it lazily, only where a password is chosen.
 */

export interface PasswordVerdict {
  strength: PasswordStrength;
  /** Why the password is refused, or `null` when it meets the policy. */
  refusal: PasswordRefusal | null;
}

/** The strength of `password` and whether the vault may take it. */
export function judgePassword(password: string, options: { language?: 'en' | 'ja'; userInputs?: readonly string[] } = {}): PasswordVerdict {
  const strength = estimatePasswordStrength(password, options);
  return { strength, refusal: passwordRefusal(password, strength.score) };
}

/**
 * A passphrase from the EFF large word list (7776 words; zxcvbn-ts ships it as
 * its `diceware-common` dictionary, so the estimate knows these are words and
 * scores the passphrase honestly rather than as random letters).
 */
export function suggestPassphrase(random: RandomUint32): Passphrase {
  return generatePassphrase(dictionary['diceware-common'], random);
}
