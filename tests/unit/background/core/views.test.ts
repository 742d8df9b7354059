import { describe, expect, it } from 'vitest';
import { codesFor, toView } from '../../../../lib/background/core/views';
import type { Account } from '../../../../lib/otp/account';
import { generateCode } from '../../../../lib/otp/code';
import { testAccount } from '../../support/test-account';

const base: Account = testAccount('a', 'JBSWY3DPEHPK3PXP', 1, { issuer: 'ACME', accountName: 'me', modifiedAt: 2 });

describe('views', () => {
  it('toView keeps everything but the secret', () => {
    const { secret: _secret, ...rest } = base;
    expect(toView({ ...base, deviceBound: true, sites: ['acme.test'] })).toStrictEqual({ ...rest, deviceBound: true, sites: ['acme.test'] });
  });

  it('codesFor gives one code per account with a secret, skipping those that need verification', () => {
    const at = Date.UTC(2026, 2, 3, 4, 5, 6);
    const accounts: Account[] = [
      base,
      { ...base, id: 'b', needsVerification: true, secret: '' },
      { ...base, id: 'c', type: 'hotp', counter: 3 },
      { ...base, id: 'd', secret: '' },
    ];
    expect(codesFor(accounts, at)).toEqual([
      { id: 'a', ...generateCode(base, at) },
      { id: 'c', ...generateCode({ ...base, type: 'hotp', counter: 3 }, at) },
    ]);
  });
});
