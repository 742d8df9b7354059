import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH, MIN_PASSWORD_SCORE, passwordRefusal } from '../../../lib/vault/password-rules';

describe('passwordRefusal', () => {
  it.each([
    ['7 characters, any score', 'a'.repeat(MIN_PASSWORD_LENGTH - 1), 4, 'too-short'],
    ['7 emoji (14 UTF-16 units, 7 characters)', '🔑'.repeat(MIN_PASSWORD_LENGTH - 1), 4, 'too-short'],
    ['8 characters, score 0', 'password', 0, 'too-guessable'],
    ['score 2', 'long enough but fair', 2, 'too-guessable'],
    ['score 3 (the minimum)', 'long enough and strong', MIN_PASSWORD_SCORE, null],
    ['score 4', 'long enough and very strong', 4, null],
    ['8 emoji at score 3', '🔑'.repeat(MIN_PASSWORD_LENGTH), 3, null],
  ] as const)('%s → %s', (_name, password, score, expected) => {
    expect(passwordRefusal(password, score)).toBe(expected);
  });
});
