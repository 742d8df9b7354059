import { describe, expect, it } from 'vitest';
import { InvalidAccountError } from '../../../lib/otp/errors';
import { parseOtpUri, toOtpUri } from '../../../lib/otp/uri';

describe('parseOtpUri: valid links', () => {
  it.each([
    {
      uri: 'otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example',
      expected: { type: 'totp', issuer: 'Example', accountName: 'alice@google.com', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
    },
    {
      // Issuer only in the label; lower-case, spaced, padded secret.
      uri: 'otpauth://totp/ACME%20Co:john.doe@email.com?secret=hxdm%20vjec%20jjws%20rb3h%20wizr%204ifu%20gftm%20xboz%3D%3D%3D%3D&algorithm=SHA256&digits=8&period=60',
      expected: { issuer: 'ACME Co', accountName: 'john.doe@email.com', secret: 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ', algorithm: 'SHA256', digits: 8, period: 60 },
    },
    {
      // '+' in a parameter is a space (form encoding), as exporting apps write it.
      uri: 'otpauth://hotp/Air%20Canada:Benjamin?secret=KUVJJOM753IHTNDSZVCNKL7GII&issuer=Air+Canada&algorithm=SHA256&digits=7&counter=50',
      expected: { type: 'hotp', issuer: 'Air Canada', accountName: 'Benjamin', algorithm: 'SHA256', digits: 7, counter: 50 },
    },
    {
      // Non-ASCII label, percent-encoded UTF-8.
      uri: 'otpauth://totp/%E3%83%86%E3%82%B9%E3%83%88:%E5%A4%AA%E9%83%8E?secret=JBSWY3DPEHPK3PXP&issuer=%E3%83%86%E3%82%B9%E3%83%88',
      expected: { issuer: 'テスト', accountName: '太郎' },
    },
    {
      // The issuer parameter wins over the label prefix.
      uri: 'otpauth://totp/Old:bob?secret=JBSWY3DPEHPK3PXP&issuer=New',
      expected: { issuer: 'New', accountName: 'bob' },
    },
    {
      uri: 'otpauth://steam/Steam:gamer?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&issuer=Steam',
      expected: { type: 'steam', digits: 5, algorithm: 'SHA1', period: 30 },
    },
    {
      // An encoded separator, confirmed by the issuer parameter.
      uri: 'otpauth://totp/Google%3Aalice?secret=JBSWY3DPEHPK3PXP&issuer=Google',
      expected: { issuer: 'Google', accountName: 'alice' },
    },
    {
      // HOTP keeps no period: whatever the link says, the default is stored.
      uri: 'otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=3&period=45',
      expected: { type: 'hotp', period: 30, counter: 3 },
    },
    {
      uri: 'otpauth://totp/Steam:gamer?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&encoder=steam',
      expected: { type: 'steam', digits: 5 },
    },
    {
      uri: 'OTPAUTH://TOTP/x?SECRET=JBSWY3DPEHPK3PXP'.replace('SECRET', 'secret'),
      expected: { type: 'totp', issuer: '', accountName: 'x' },
    },
  ])('$uri', ({ uri, expected }) => {
    expect(parseOtpUri(uri)).toMatchObject(expected);
  });
});

describe('parseOtpUri: malformed links name the field', () => {
  it.each([
    { uri: 'https://example.com', field: 'uri', problem: 'not-otpauth' },
    { uri: 'otpauth:/totp/x?secret=JBSWY3DPEHPK3PXP', field: 'uri', problem: 'not-otpauth' },
    { uri: 'otpauth://totp', field: 'uri', problem: 'malformed' },
    { uri: 'otpauth://motp/x?secret=JBSWY3DPEHPK3PXP', field: 'type', problem: 'unsupported' },
    { uri: 'otpauth://totp/x?issuer=A', field: 'secret', problem: 'required' },
    { uri: 'otpauth://totp/x?secret=', field: 'secret', problem: 'required' },
    { uri: 'otpauth://totp/x?secret=JBSW0Y3D', field: 'secret', problem: 'invalid-base32' },
    { uri: 'otpauth://totp/x?secret=JBSWY3DPE', field: 'secret', problem: 'invalid-base32' },
    { uri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&secret=JBSWY3DPEHPK3PXP', field: 'secret', problem: 'malformed' },
    { uri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=MD5', field: 'algorithm', problem: 'unsupported' },
    { uri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=4', field: 'digits', problem: 'out-of-range' },
    { uri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=11', field: 'digits', problem: 'out-of-range' },
    { uri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=six', field: 'digits', problem: 'not-an-integer' },
    { uri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=0', field: 'period', problem: 'out-of-range' },
    { uri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=-30', field: 'period', problem: 'not-an-integer' },
    { uri: 'otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP', field: 'counter', problem: 'required' },
    { uri: 'otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=1.5', field: 'counter', problem: 'not-an-integer' },
    { uri: 'otpauth://totp/%E3%83?secret=JBSWY3DPEHPK3PXP', field: 'accountName', problem: 'malformed' },
    { uri: 'otpauth://totp/?secret=JBSWY3DPEHPK3PXP', field: 'accountName', problem: 'required' },
    { uri: 'otpauth://totp/a%0Ab?secret=JBSWY3DPEHPK3PXP', field: 'accountName', problem: 'control-characters' },
    { uri: `otpauth://totp/${'a'.repeat(300)}?secret=JBSWY3DPEHPK3PXP`, field: 'accountName', problem: 'too-long' },
  ])('$uri → $field ($problem)', ({ uri, field, problem }) => {
    let caught: unknown;
    try {
      parseOtpUri(uri);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidAccountError);
    expect((caught as InvalidAccountError).field).toBe(field);
    expect((caught as InvalidAccountError).problem).toBe(problem);
  });
});

describe('toOtpUri → parseOtpUri round trips', () => {
  it.each([
    { issuer: 'GitHub', accountName: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP', type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
    { issuer: 'テスト', accountName: '太郎 (仕事)', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', type: 'totp', algorithm: 'SHA512', digits: 8, period: 60, counter: 0 },
    { issuer: 'A:B & C', accountName: 'x?y=z#1', secret: 'JBSWY3DPEHPK3PXP', type: 'hotp', algorithm: 'SHA256', digits: 7, period: 30, counter: 10300 },
    { issuer: '', accountName: 'no issuer', secret: 'JBSWY3DPEHPK3PXP', type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
    { issuer: '', accountName: 'a:b', secret: 'JBSWY3DPEHPK3PXP', type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
    { issuer: 'Steam', accountName: 'gamer', secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI', type: 'steam', algorithm: 'SHA1', digits: 5, period: 30, counter: 0 },
  ] as const)('$issuer / $accountName ($type)', (account) => {
    const uri = toOtpUri(account);
    expect(uri.startsWith(`otpauth://${account.type}/`)).toBe(true);
    expect(parseOtpUri(uri)).toEqual(account);
  });
});
