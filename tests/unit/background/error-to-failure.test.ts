import { describe, expect, it } from 'vitest';
import { errorToFailure } from '../../../lib/background/error-to-failure';
import { AccountNotFoundError, DuplicateAccountError } from '../../../lib/background/accounts';
import { BadRequestError } from '../../../lib/background/core';
import { AlreadyInitializedError, LockedError, NotInitializedError, WeakPasswordError } from '../../../lib/background/vault';
import { InvalidAccountError } from '../../../lib/otp/errors';
import { InvalidSiteError } from '../../../lib/autofill/site-entry';
import { UnsupportedVaultVersionError, VaultDamagedError, WrongPasswordError } from '../../../lib/vault';

describe('errorToFailure', () => {
  it.each([
    ['LockedError', new LockedError(), { code: 'locked' }],
    ['NotInitializedError', new NotInitializedError(), { code: 'not-initialized' }],
    ['AlreadyInitializedError', new AlreadyInitializedError(), { code: 'already-initialized' }],
    ['WrongPasswordError', new WrongPasswordError(), { code: 'wrong-password' }],
    ['WeakPasswordError', new WeakPasswordError('Too short.'), { code: 'weak-password', field: 'password' }],
    ['VaultDamagedError', new VaultDamagedError('payload', 'Tag mismatch.'), { code: 'vault-damaged' }],
    ['UnsupportedVaultVersionError', new UnsupportedVaultVersionError(9, 'file', 'Version 9.'), { code: 'vault-unsupported-version' }],
    ['AccountNotFoundError', new AccountNotFoundError('abc'), { code: 'not-found' }],
    ['BadRequestError', new BadRequestError('Not HOTP.'), { code: 'bad-request' }],
    ['InvalidAccountError', new InvalidAccountError('digits', 'out-of-range', 'Digits 5.'), { code: 'invalid-account', field: 'digits', problem: 'out-of-range' }],
    ['InvalidSiteError', new InvalidSiteError('insecure', 'http://a.test', 'http.'), { code: 'invalid-site', problem: 'insecure', input: 'http://a.test' }],
    ['DuplicateAccountError (secret)', new DuplicateAccountError('id', 'same-secret'), { code: 'duplicate-account', reason: 'same-secret' }],
    ['DuplicateAccountError (names)', new DuplicateAccountError('id', 'same-issuer-and-name'), { code: 'duplicate-account', reason: 'same-issuer-and-name' }],
    ['a plain Error', new Error('boom at /x.ts:1'), { code: 'internal' }],
    ['a thrown string', 'boom', { code: 'internal' }],
    ['undefined', undefined, { code: 'internal' }],
  ])('maps %s', (_label, error, expected) => {
    const failure = errorToFailure(error);
    expect(failure).toMatchObject(expected);
    expect(typeof failure.message).toBe('string');
    expect(failure.message.length).toBeGreaterThan(0);
  });

  it('never passes on the message of an unexpected error', () => {
    expect(errorToFailure(new Error('boom at /x.ts:1')).message).not.toContain('boom');
  });

  it("doesn't reveal which id the duplicate is (the page has no use for it)", () => {
    expect(JSON.stringify(errorToFailure(new DuplicateAccountError('secret-id-123', 'same-secret')))).not.toContain('secret-id-123');
  });
});
