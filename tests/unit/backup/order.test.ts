import { describe, expect, it } from 'vitest';
import { mergeOrder } from '../../../lib/backup';

const split = (s: string) => (s === '' ? [] : s.split(''));

describe('mergeOrder', () => {
  it.each([
    { base: 'abc', other: 'abc', keep: 'abc', expected: 'abc' },
    { base: 'cab', other: 'abc', keep: 'abc', expected: 'cab' },
    { base: 'ab', other: 'axb', keep: 'abx', expected: 'axb' },
    { base: 'ba', other: 'axb', keep: 'abx', expected: 'bax' },
    { base: 'ab', other: 'xab', keep: 'abx', expected: 'xab' },
    { base: 'ba', other: 'xyab', keep: 'abxy', expected: 'bxya' },
    { base: 'ab', other: 'abxy', keep: 'abxy', expected: 'abxy' },
    { base: 'ab', other: 'xy', keep: 'abxy', expected: 'abxy' },
    { base: 'abc', other: 'abc', keep: 'ac', expected: 'ac' },
    { base: 'abc', other: 'axbc', keep: 'acx', expected: 'axc' },
    { base: '', other: 'xy', keep: 'xy', expected: 'xy' },
    { base: 'ab', other: 'ba', keep: '', expected: '' },
  ])('base $base + other $other (keep $keep) → $expected', ({ base, other, keep, expected }) => {
    expect(mergeOrder(split(base), split(other), new Set(split(keep)))).toEqual(split(expected));
  });
});
