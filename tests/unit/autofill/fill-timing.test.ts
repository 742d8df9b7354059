import { describe, expect, it } from 'vitest';
import { waitBeforeFillMs } from '../../../lib/autofill/fill-timing';
import { pickFrame, type FrameProbe } from '../../../lib/autofill/pick-frame';

describe('waitBeforeFillMs: a code with fewer than 5 s left waits for the next one', () => {
  it.each([
    [0, 30, 0],
    [24_999, 30, 0],
    [25_000, 30, 0],
    [25_001, 30, 5_000],
    [29_999, 30, 2],
    [59_000, 30, 1_001],
    [55_001, 60, 5_000],
    [1_000, 3, 0],
    [29_999, null, 0],
  ])('at %i ms, period %s s → %i ms', (now, period, expected) => {
    expect(waitBeforeFillMs(now, period)).toBe(expected);
  });
});

const probe = (frameId: number, score: number, focused = false): FrameProbe => ({ frameId, score, focused });

describe('pickFrame', () => {
  it.each([
    ['no frames', [], undefined, null],
    ['nothing worth filling', [probe(0, 0), probe(3, 20)], undefined, null],
    ['the best score', [probe(0, 60), probe(3, 100)], undefined, 3],
    ['the top frame on a tie', [probe(4, 60), probe(0, 60)], undefined, 0],
    ['the focused field beats a better score', [probe(0, 100), probe(3, 0, true)], undefined, 3],
    ['the context menu’s frame first', [probe(0, 100, true), probe(5, 60)], 5, 5],
    ['the context menu’s frame only if it has a field', [probe(0, 100), probe(5, 0)], 5, 0],
  ] as const)('%s', (_name, probes, preferred, expected) => {
    expect(pickFrame(probes, preferred)?.frameId ?? null).toBe(expected);
  });
});
