import { describe, expect, it } from 'vitest';
import { isOtpText, keepOtpTexts } from '../../../lib/scan/kept-texts';
import { TEXT_LIMITS } from '../../../lib/scan/scan-limits';

describe('isOtpText', () => {
  it.each([
    ['otpauth://totp/A?secret=B', true],
    ['OTPAUTH://TOTP/A?secret=B', true],
    ['  otpauth-migration://offline?data=x', true],
    ['https://example.com', false],
    ['WIFI:S:net;T:WPA;P:pw;;', false],
    ['otpauth:/totp', false],
    ['', false],
  ])('%j → %s', (text, ours) => {
    expect(isOtpText(text)).toBe(ours);
  });
});

describe('keepOtpTexts', () => {
  it('keeps ours only, trimmed, each once, after those kept already', () => {
    const kept = ['otpauth://totp/A?secret=AAAA'];
    expect(keepOtpTexts(kept, [' otpauth://totp/B?secret=BBBB ', 'https://example.com', 'otpauth://totp/A?secret=AAAA', 'otpauth://totp/B?secret=BBBB'])).toEqual([
      'otpauth://totp/A?secret=AAAA',
      'otpauth://totp/B?secret=BBBB',
    ]);
    expect(kept).toEqual(['otpauth://totp/A?secret=AAAA']);
  });

  it(`keeps at most ${TEXT_LIMITS.maxTexts} texts, none longer than ${TEXT_LIMITS.maxTextChars} characters`, () => {
    const many = Array.from({ length: TEXT_LIMITS.maxTexts + 5 }, (_, i) => `otpauth://totp/A${i}?secret=AAAA`);
    const long = `otpauth://totp/A?secret=${'A'.repeat(TEXT_LIMITS.maxTextChars)}`;
    const kept = keepOtpTexts([], [long, ...many]);
    expect(kept).toHaveLength(TEXT_LIMITS.maxTexts);
    expect(kept[0]).toBe(many[0]);
  });
});
