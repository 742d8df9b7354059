/*
 * Generated passphrases: words a person can read, write down and type on any
 * keyboard (ASCII, lower case, in both the English and the Japanese UI — kana
 * would need an input method at every unlock). Randomness is passed in (the
 * page gives WebCrypto's getRandomValues) so the choice is testable.
 */

/** Fills `array` with random 32-bit values (crypto.getRandomValues). */
export type RandomUint32 = (array: Uint32Array<ArrayBuffer>) => Uint32Array<ArrayBuffer>;

/** Words in a suggested passphrase: 5 of 7776 ≈ 64.6 bits, beyond offline guessing at Argon2id cost. */
export const PASSPHRASE_WORDS = 5;

export interface Passphrase {
  text: string;
  /** log2 of the number of equally likely passphrases the generator could have made. */
  entropyBits: number;
}

/**
 * A uniformly random index below `n`: 32-bit values at or above the largest
 * multiple of `n` are drawn again, so no word is likelier than another.
 */
function uniformIndex(n: number, random: RandomUint32): number {
  const limit = Math.floor(2 ** 32 / n) * n;
  const one = new Uint32Array(1);
  for (;;) {
    const value = random(one)[0] ?? 0;
    if (value < limit) return value % n;
  }
}

/**
 * `count` words drawn independently and uniformly from `words` (which must hold
 * distinct words), joined by `separator`.
 */
export function generatePassphrase(words: readonly string[], random: RandomUint32, count = PASSPHRASE_WORDS, separator = '-'): Passphrase {
  if (words.length < 2 || count < 1) throw new RangeError('A passphrase needs at least two words to choose from and one word to draw.');
  const chosen = Array.from({ length: count }, () => words[uniformIndex(words.length, random)] ?? '');
  return { text: chosen.join(separator), entropyBits: count * Math.log2(words.length) };
}
