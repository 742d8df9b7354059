import { describe, expect, it } from 'vitest';
import { generatePassphrase, PASSPHRASE_WORDS, type RandomUint32 } from '../../../lib/vault/passphrase';

/** A "random" source that hands out `values` in turn (one per call, as the generator asks). */
function scripted(values: number[]): RandomUint32 & { calls: number } {
  const source = Object.assign(
    (array: Uint32Array<ArrayBuffer>) => {
      array[0] = values[source.calls % values.length] ?? 0;
      source.calls += 1;
      return array;
    },
    { calls: 0 },
  );
  return source;
}

const WORDS = ['alpha', 'bravo', 'charlie'];
// 2³² = 4294967296 = 3 × 1431655765 + 1: the one value 4294967295 is above the last whole multiple.
const LAST_FAIR = 3 * 1431655765 - 1;

describe('generatePassphrase', () => {
  it.each([
    ['value mod 3 picks the word', [0, 1, 2, 3, 4], 5, 'alpha-bravo-charlie-alpha-bravo', 5],
    ['the last value below the fair limit is used', [LAST_FAIR], 1, 'charlie', 1],
    ['a value at the limit is drawn again (no bias)', [4294967295, 1], 1, 'bravo', 2],
  ])('%s', (_name, values, count, text, calls) => {
    const random = scripted(values);
    expect(generatePassphrase(WORDS, random, count).text).toBe(text);
    expect(random.calls).toBe(calls);
  });

  it.each([
    [WORDS, 5, Math.log2(3) * 5],
    [Array.from({ length: 7776 }, (_, i) => `w${i}`), PASSPHRASE_WORDS, 64.6],
  ])('entropy of %# is count × log2(words)', (words, count, bits) => {
    expect(generatePassphrase(words, scripted([7]), count).entropyBits).toBeCloseTo(bits, 1);
  });

  it.each([
    ['one word to choose from', ['only'], 5],
    ['no word to draw', WORDS, 0],
  ])('refuses %s', (_name, words, count) => {
    expect(() => generatePassphrase(words, scripted([0]), count)).toThrow(RangeError);
  });

  it('uses the separator given', () => {
    expect(generatePassphrase(WORDS, scripted([2, 0]), 2, ' ').text).toBe('charlie alpha');
  });
});
