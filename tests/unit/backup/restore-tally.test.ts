import { describe, expect, it } from 'vitest';
import { restoreTally, type RestoreChoice } from '../../../lib/backup/restore-tally';

describe('restoreTally', () => {
  it.each<[string, number, string[], Record<string, RestoreChoice>, { add: number; replace: number; leave: number }]>([
    ['nothing chosen: the ones here are left', 2, ['a', 'b', 'c'], {}, { add: 2, replace: 0, leave: 3 }],
    ['"Replace mine" for all three', 0, ['a', 'b', 'c'], { a: 'replace', b: 'replace', c: 'replace' }, { add: 0, replace: 3, leave: 0 }],
    ['keep both adds a copy', 1, ['a', 'b'], { a: 'keep-both', b: 'skip' }, { add: 2, replace: 0, leave: 1 }],
    ['a mix', 0, ['a', 'b', 'c'], { a: 'keep-both', b: 'replace' }, { add: 1, replace: 1, leave: 1 }],
    ['a choice for an id not in the plan is ignored', 0, ['a'], { z: 'replace' }, { add: 0, replace: 0, leave: 1 }],
  ])('%s', (_label, toAdd, here, choices, expected) => {
    expect(restoreTally(toAdd, here, choices)).toEqual(expected);
  });
});
