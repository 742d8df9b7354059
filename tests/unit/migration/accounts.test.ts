import { describe, expect, it } from 'vitest';
import { EntryProblem } from '../../../lib/import/entries';
import { draftToOtpParameters, otpParametersToDraft } from '../../../lib/migration/accounts';
import { MIGRATION_ALGORITHM, MIGRATION_DIGITS, MIGRATION_OTP_TYPE, type MigrationOtpParameters } from '../../../lib/migration/schema';
import { validateDraft } from '../../../lib/otp/validate';

const base: MigrationOtpParameters = { secret: Uint8Array.from([0x48, 0x65, 0x6c, 0x6c, 0x6f]), name: 'Mason', issuer: 'Deno', algorithm: 1, digits: 1, type: 2, counter: 0 };

describe('Google Authenticator records → drafts', () => {
  it.each([
    { what: 'an "Issuer:" prefix repeated in the name', otp: { name: 'Deno:Mason' }, expected: { issuer: 'Deno', accountName: 'Mason' } },
    // Without an issuer the name is kept whole: a colon in a name is not an issuer (issue 13).
    { what: 'a colon in a name without issuer', otp: { name: 'Deno:Mason', issuer: '' }, expected: { issuer: '', accountName: 'Deno:Mason' } },
    { what: 'a Google export name with a colon and no issuer', otp: { name: 'encoding: ¿äÄéÉ? (demo)', issuer: '' }, expected: { issuer: '', accountName: 'encoding: ¿äÄéÉ? (demo)' } },
    { what: 'a colon that is part of the name', otp: { name: 'a:b', issuer: 'X' }, expected: { issuer: 'X', accountName: 'a:b' } },
    { what: 'unspecified algorithm, digits and type', otp: { algorithm: 0, digits: 0, type: 0 }, expected: { algorithm: 'SHA1', digits: 6, type: 'totp' } },
    { what: 'an HOTP counter', otp: { type: MIGRATION_OTP_TYPE.hotp, counter: 10300, digits: MIGRATION_DIGITS.eight, algorithm: MIGRATION_ALGORITHM.SHA512 }, expected: { type: 'hotp', counter: 10300, digits: 8, algorithm: 'SHA512' } },
  ])('maps $what', ({ otp, expected }) => {
    expect(validateDraft(otpParametersToDraft({ ...base, ...otp }))).toMatchObject({ ...expected, period: 30, secret: 'JBSWY3DP' });
  });

  it.each([
    { what: 'MD5', otp: { algorithm: MIGRATION_ALGORITHM.MD5 }, code: 'algorithm/unsupported' },
    { what: 'an unknown digit count', otp: { digits: 7 }, code: 'digits/unsupported' },
    { what: 'an unknown type', otp: { type: 9 }, code: 'type/unsupported' },
    { what: 'an empty secret', otp: { secret: new Uint8Array(0) }, code: 'secret/required' },
  ])('refuses $what with code $code', ({ otp, code }) => {
    let error: unknown;
    try {
      otpParametersToDraft({ ...base, ...otp });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EntryProblem);
    expect((error as EntryProblem).code).toBe(code);
  });
});

describe('drafts → Google Authenticator records', () => {
  const draft = validateDraft({ issuer: 'Deno', accountName: 'Mason', secret: 'JBSWY3DP' });
  it.each([
    { what: 'Steam', change: { type: 'steam' as const, digits: 5 }, code: 'type/unsupported' },
    { what: '7 digits', change: { digits: 7 }, code: 'digits/unsupported' },
    { what: 'a 20-second period', change: { period: 20 }, code: 'period/unsupported' },
  ])('says GA cannot hold $what', ({ change, code }) => {
    const result = draftToOtpParameters({ ...draft, ...change });
    expect(result.ok ? undefined : result.reason.code).toBe(code);
  });

  it('writes HOTP with any period (HOTP has none)', () => {
    const result = draftToOtpParameters({ ...draft, type: 'hotp', period: 20, counter: 5 });
    expect(result.ok && result.value).toMatchObject({ type: MIGRATION_OTP_TYPE.hotp, counter: 5 });
  });
});
