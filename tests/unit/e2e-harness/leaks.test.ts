import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findLeaks } from '../../e2e/harness/leaks';

// The e2e leak finder must find real leaks and never fire on random ciphertext.
const CLEAR = { secrets: ['JBSWY3DPEHPK3PXP'], names: ['bob', 'Bank', 'テスト', 'alice@example.com'] };
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('findLeaks', () => {
  it.each([
    ['a clear issuer field', { vault: { issuer: 'Bank' } }, 'name Bank'],
    ['a name as a whole value in a list', ['x', 'bob'], 'name bob'],
    ['an otpauth URI', { uri: 'otpauth://hotp/Bank:bob?secret=X&issuer=Bank' }, 'name bob'],
    ['a URI-encoded Japanese issuer', { u: `issuer=${encodeURIComponent('テスト')}` }, 'name テスト'],
    ['a JSON text in a string', { vault: JSON.stringify({ accountName: 'bob' }) }, 'name bob'],
    ['a \\u-escaped JSON name', { vault: '{"issuer":"\\u30c6\\u30b9\\u30c8"}' }, 'name テスト'],
    ['plaintext only base64-encoded', { payload: b64(JSON.stringify({ issuer: 'Bank', secret: 'x' })) }, 'name Bank'],
    ['a secret inside base64', { payload: b64('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP') }, 'secret JBSWY3DPEHPK3PXP'],
    ['a secret in clear text', { note: 'sJBSWY3DPEHPK3PXPx' }, 'secret JBSWY3DPEHPK3PXP'],
    ['a key named after an account', { bob: 1 }, 'name bob'],
  ])('finds %s', (_what, data, expected) => {
    expect(findLeaks(data, CLEAR).join('\n')).toContain(expected);
  });

  it('ignores the words inside random base64, base64url and hex, even when planted there', () => {
    for (let i = 0; i < 2000; i++) {
      const random = randomBytes(48 + (i % 7)).toString('base64');
      const planted = `${random.slice(0, 20)}bob${random.slice(23)}`;
      const url = randomBytes(30).toString('base64url').slice(0, 10) + 'Bank' + randomBytes(5).toString('hex');
      expect(findLeaks({ payload: { ciphertext: random, nonce: planted.slice(0, 16) }, planted, id: url, key: `bob${random}` }, CLEAR)).toEqual([]);
    }
  });

  it('refuses to look for a short secret', () => {
    expect(() => findLeaks({}, { secrets: ['ABCDEFG'], names: [] })).toThrow(/too short/);
  });
});
