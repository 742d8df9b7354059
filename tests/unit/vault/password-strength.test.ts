import { describe, expect, it } from 'vitest';
import { estimatePasswordStrength, RECOMMENDED_MIN_SCORE } from '../../../lib/vault/password-strength';

describe('estimatePasswordStrength', () => {
  it.each(['password', '123456', 'qwertyuiop', 'iloveyou!!', 'Password123!', 'hikae2024', 'sakura1990', 'aaaaaaaaaaaa', ''])(
    '%j is weak (below the recommended score)',
    (password) => {
      const result = estimatePasswordStrength(password);
      expect(result.score).toBeLessThan(RECOMMENDED_MIN_SCORE);
      expect(result.acceptable).toBe(false);
    },
  );

  it.each(['correct horse battery staple', 'kj4#Lm9!xQ-vT2', '鳥が空を飛ぶ夕焼け-42-みなと'])('%j is acceptable', (password) => {
    const result = estimatePasswordStrength(password);
    expect(result.score).toBeGreaterThanOrEqual(RECOMMENDED_MIN_SCORE);
    expect(result.acceptable).toBe(true);
  });

  it('scores grow with guessability: longer random text never scores lower', () => {
    const scores = ['x7', 'x7#kQ', 'x7#kQ9vL', 'x7#kQ9vLp2&M'].map((p) => estimatePasswordStrength(p).score);
    expect([...scores].sort()).toEqual(scores);
    expect(scores[0]).toBeLessThan(scores[3] as number);
  });

  it('treats the product name and given user inputs as guessable', () => {
    const plain = estimatePasswordStrength('taro.yamada.hikae');
    const told = estimatePasswordStrength('taro.yamada.hikae', { userInputs: ['taro.yamada'] });
    expect(told.guessesLog10).toBeLessThan(plain.guessesLog10);
  });

  it('gives stable keys and translated feedback in English and Japanese', () => {
    const en = estimatePasswordStrength('Password123!');
    const ja = estimatePasswordStrength('Password123!', { language: 'ja' });
    expect(en.warningKey).toBe(ja.warningKey);
    expect(en.warningKey).toMatch(/^[a-zA-Z]+$/);
    expect(en.warning).toMatch(/[a-z]/);
    expect(ja.warning).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(ja.suggestionKeys).toEqual(en.suggestionKeys);
    expect(ja.suggestions).toHaveLength(en.suggestionKeys.length);
  });
});
