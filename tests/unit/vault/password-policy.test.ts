import { describe, expect, it } from 'vitest';
import { judgePassword, suggestPassphrase } from '../../../lib/vault/password-policy';
import { MIN_PASSWORD_SCORE } from '../../../lib/vault/password-rules';
import { prng } from '../support/prng';

/** A seeded getRandomValues (mulberry32's words): the same passphrases on every run. */
function seeded(seed: number) {
  const random = prng(seed);
  return (array: Uint32Array<ArrayBuffer>) => {
    // random() is a 32-bit word over 2^32: multiplying back is exact.
    for (let i = 0; i < array.length; i += 1) array[i] = random() * 4294967296;
    return array;
  };
}

describe('judgePassword', () => {
  it.each([
    ['password', 'too-guessable'],
    ['password1', 'too-guessable'],
    ['Password123!', 'too-guessable'],
    ['qwertyuiop', 'too-guessable'],
    ['abc12345', 'too-guessable'],
    ['letmein!', 'too-guessable'],
    ['iloveyou2024', 'too-guessable'],
    ['short', 'too-short'],
    ['correct horse battery staple', null],
    ['a long and unusual vault passphrase 7', null],
    ['x7#kQ9vLp2&M', null],
  ] as const)('%j → %s', (password, refusal) => {
    expect(judgePassword(password).refusal).toBe(refusal);
  });

  it.each([
    ['en', 'password1', /commonly used|heavily used|common/i],
    ['ja', 'password1', /パスワード/],
  ] as const)('names why in %s', (language, password, reason) => {
    expect(judgePassword(password, { language }).strength.warning).toMatch(reason);
  });
});

describe('suggestPassphrase', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i: five typeable words that meet the policy', (seed) => {
    const { text, entropyBits } = suggestPassphrase(seeded(seed));
    expect(text).toMatch(/^[a-z]+(-[a-z]+){4}$/);
    expect(entropyBits).toBeGreaterThan(64);
    expect(judgePassword(text).refusal).toBeNull();
    expect(judgePassword(text).strength.score).toBeGreaterThanOrEqual(MIN_PASSWORD_SCORE);
  });
});
