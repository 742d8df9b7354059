import { describe, expect, it } from 'vitest';
import { draftProblems, validateDraft, type LooseDraft } from '../../../lib/otp/validate';

const GOOD = { issuer: 'GitHub', accountName: 'alice', secret: 'JBSWY3DPEHPK3PXP' };
const problemsOf = (draft: LooseDraft) => draftProblems(draft).map((e) => `${e.field}:${e.problem}`);

describe('draftProblems: every bad field at once, in the form order', () => {
  it.each<[string, LooseDraft, string[]]>([
    ['a good draft', GOOD, []],
    ['no names and no secret', { secret: '' }, ['accountName:required', 'secret:required']],
    ['a bad secret and 12 digits', { ...GOOD, secret: 'JBSW0Y3D', digits: 12 }, ['secret:invalid-base32', 'digits:out-of-range']],
    ['digits 5 and period 0', { ...GOOD, digits: 5, period: 0 }, ['digits:out-of-range', 'period:out-of-range']],
    ['period as typed text', { ...GOOD, period: '30s' }, ['period:not-an-integer']],
    ['an unknown algorithm and type', { ...GOOD, algorithm: 'MD5', type: 'motp' }, ['type:unsupported', 'algorithm:unsupported']],
    ['HOTP: a negative counter, the period ignored', { ...GOOD, type: 'hotp', counter: -1, period: 0 }, ['counter:out-of-range']],
    ['TOTP: the counter ignored', { ...GOOD, counter: -1 }, []],
    ['digits 6 and 10 (the bounds)', { ...GOOD, digits: 10, period: 3600 }, []],
    ['a period over an hour', { ...GOOD, period: 3601 }, ['period:out-of-range']],
  ])('%s', (_label, draft, expected) => {
    expect(problemsOf(draft)).toEqual(expected);
  });

  it.each<LooseDraft>([{ secret: '' }, { ...GOOD, digits: 12, period: 0 }])('validateDraft throws the first of them', (draft) => {
    expect(() => validateDraft(draft)).toThrow(draftProblems(draft)[0]!.message);
  });
});
