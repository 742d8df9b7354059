import { describe, expect, it } from 'vitest';
import { generateCode } from '../../../lib/otp/code';
import { groupCode } from '../../../lib/otp/group-code';
import { secretFromBytes } from '../../../lib/otp/secret';

const ascii = (s: string) => secretFromBytes(new TextEncoder().encode(s));
// RFC 4226 appendix D and RFC 6238 appendix B use these ASCII keys.
const KEY_SHA1 = ascii('12345678901234567890');
const KEY_SHA256 = ascii('12345678901234567890123456789012');
const KEY_SHA512 = ascii('1234567890123456789012345678901234567890123456789012345678901234');

describe('HOTP (RFC 4226 appendix D)', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  it.each(expected.map((code, counter) => ({ counter, code })))('counter $counter → $code', ({ counter, code }) => {
    const result = generateCode({ secret: KEY_SHA1, type: 'hotp', algorithm: 'SHA1', digits: 6, period: 30, counter }, 0);
    expect(result.value).toBe(code);
    expect(result.validUntilMs).toBeNull();
  });
});

describe('TOTP (RFC 6238 appendix B, 8 digits)', () => {
  const table = [
    { t: 59, SHA1: '94287082', SHA256: '46119246', SHA512: '90693936' },
    { t: 1111111109, SHA1: '07081804', SHA256: '68084774', SHA512: '25091201' },
    { t: 1111111111, SHA1: '14050471', SHA256: '67062674', SHA512: '99943326' },
    { t: 1234567890, SHA1: '89005924', SHA256: '91819424', SHA512: '93441116' },
    { t: 2000000000, SHA1: '69279037', SHA256: '90698825', SHA512: '38618901' },
    { t: 20000000000, SHA1: '65353130', SHA256: '77737706', SHA512: '47863826' },
  ];
  const keys = { SHA1: KEY_SHA1, SHA256: KEY_SHA256, SHA512: KEY_SHA512 } as const;
  for (const algorithm of ['SHA1', 'SHA256', 'SHA512'] as const) {
    it.each(table)(`${algorithm} at T=$t`, (row) => {
      const code = generateCode({ secret: keys[algorithm], type: 'totp', algorithm, digits: 8, period: 30, counter: 0 }, row.t * 1000);
      expect(code.value).toBe(row[algorithm]);
      expect(code.validFromMs).toBe(Math.floor(row.t / 30) * 30_000);
      expect(code.validUntilMs).toBe((Math.floor(row.t / 30) + 1) * 30_000);
    });
  }
});

describe('Steam Guard', () => {
  // Reference values computed with Steam's published algorithm (HOTP-SHA1 truncation in base 26),
  // cross-checked against the 10-digit HOTP integer below.
  it.each([
    { t: 0, counter: 0 },
    { t: 59, counter: 1 },
    { t: 1234567890, counter: 41152263 },
  ])('uses the 30 s step and the Steam alphabet at T=$t', ({ t, counter }) => {
    const steam = generateCode({ secret: KEY_SHA1, type: 'steam', algorithm: 'SHA1', digits: 5, period: 30, counter: 0 }, t * 1000);
    const hotp10 = Number(generateCode({ secret: KEY_SHA1, type: 'hotp', algorithm: 'SHA1', digits: 10, period: 30, counter }, 0).value);
    const alphabet = '23456789BCDFGHJKMNPQRTVWXY';
    let n = hotp10;
    let expected = '';
    for (let i = 0; i < 5; i++) {
      expected += alphabet[n % 26];
      n = Math.floor(n / 26);
    }
    expect(steam.value).toBe(expected);
    expect(steam.value).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
  });
});

describe('groupCode', () => {
  it.each([
    ['123456', '123 456'],
    ['1234567', '123 4567'],
    ['12345678', '1234 5678'],
    ['BCDFG', 'BCDFG'],
    ['1234567890', '123 456 7890'],
  ])('%s → %s', (input, grouped) => expect(groupCode(input)).toBe(grouped));
});
