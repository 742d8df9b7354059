import { describe, expect, it } from 'vitest';
import { CONTENTS_MIGRATIONS, CURRENT_CONTENTS_VERSION, migrate, type MigrationTable } from '../../../lib/vault';

// A made-up history (v1 renamed a field in v2, v2 added a default in v3) to exercise the runner;
// the real table is checked for completeness below.
const table: MigrationTable = {
  1: ({ items, ...rest }) => ({ ...rest, accounts: items }),
  2: (data) => ({ ...data, settings: { theme: 'system' } }),
};

describe('migrate', () => {
  it.each([
    { from: 1, input: { v: 1, items: ['a'] }, expected: { v: 3, accounts: ['a'], settings: { theme: 'system' } } },
    { from: 2, input: { v: 2, accounts: ['b'] }, expected: { v: 3, accounts: ['b'], settings: { theme: 'system' } } },
    { from: 3, input: { v: 3, accounts: ['c'] }, expected: { v: 3, accounts: ['c'] } },
  ])('brings version $from to the current one', ({ input, expected }) => {
    const before = structuredClone(input);
    expect(migrate(input, 'v', 3, table)).toEqual({ ok: true, data: expected });
    expect(input).toEqual(before); // pure
  });

  it.each([
    { input: { v: 4 }, outcome: { ok: false, problem: 'too-new', version: 4 } },
    { input: { v: 0 }, outcome: { ok: false, problem: 'missing-version', version: 0 } },
    { input: { v: 1.5 }, outcome: { ok: false, problem: 'missing-version', version: 1.5 } },
    { input: { v: '2' }, outcome: { ok: false, problem: 'missing-version', version: undefined } },
    { input: {}, outcome: { ok: false, problem: 'missing-version', version: undefined } },
  ])('refuses $input', ({ input, outcome }) => {
    expect(migrate(input, 'v', 3, table)).toEqual(outcome);
  });

  it('reports a gap in the table instead of skipping a step', () => {
    expect(migrate({ v: 1 }, 'v', 3, { 2: (d) => d })).toEqual({ ok: false, problem: 'no-migration', version: 1 });
  });
});

describe('CONTENTS_MIGRATIONS', () => {
  it('has a step from every older version to the current one', () => {
    for (let version = 1; version < CURRENT_CONTENTS_VERSION; version++) {
      expect(CONTENTS_MIGRATIONS[version], `migration ${version} → ${version + 1}`).toBeTypeOf('function');
    }
    expect(Object.keys(CONTENTS_MIGRATIONS).map(Number).every((v) => v >= 1 && v < CURRENT_CONTENTS_VERSION)).toBe(true);
  });
});
