import { describe, expect, it } from 'vitest';
import { planWholeImageAttempts } from '../../../lib/qr/cascade';

const names = (width: number, height: number, transparent = false): string[] =>
  planWholeImageAttempts(width, height, transparent).map((a) => a.name);

describe('planWholeImageAttempts', () => {
  it.each([
    // width, height, transparent, expected order
    [57, 57, false, ['as-is', 'enlarge-2x-bilinear', 'enlarge-2x-nearest', 'enlarge-4x-nearest']],
    [250, 200, false, ['as-is', 'enlarge-2x-bilinear', 'enlarge-2x-nearest', 'enlarge-4x-nearest']],
    [251, 251, false, ['as-is', 'enlarge-2x-bilinear', 'enlarge-2x-nearest']],
    [1000, 600, false, ['as-is', 'enlarge-2x-bilinear', 'enlarge-2x-nearest']],
    [1001, 600, false, ['shrink-1000', 'as-is']],
    [2000, 2000, false, ['shrink-1000', 'as-is']],
    [2880, 1800, false, ['shrink-1000', 'shrink-2000']],
    [120, 120, true, ['as-is', 'on-black', 'enlarge-2x-bilinear', 'enlarge-2x-nearest', 'enlarge-4x-nearest']],
    [3000, 3000, true, ['shrink-1000', 'on-black', 'shrink-2000']],
  ] as const)('%i×%i (transparent: %s) → %j', (width, height, transparent, expected) => {
    expect(names(width, height, transparent)).toEqual(expected);
  });

  it.each([
    [57, 57],
    [999, 10],
    [1500, 900],
    [2880, 1800],
    [32767, 100],
  ])('never reads more than 2000 px on a side, nor shrinks a 1000 px image (%i×%i)', (width, height) => {
    for (const attempt of planWholeImageAttempts(width, height, true)) {
      expect(Math.max(attempt.width, attempt.height)).toBeLessThanOrEqual(2000);
      expect(attempt.width).toBe(Math.max(1, Math.round(width * attempt.scale)));
      if (attempt.scale < 1) expect(Math.max(width, height)).toBeGreaterThan(1000);
    }
  });

  it('gives the shrunk sizes exactly', () => {
    const [first, second] = planWholeImageAttempts(2880, 1800, false);
    expect([first?.width, first?.height, second?.width, second?.height]).toEqual([1000, 625, 2000, 1250]);
  });
});
