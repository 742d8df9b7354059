import type { Account } from '../../../lib/otp/account';

/*
 * One account shape for unit tests: a 30-second SHA-1 TOTP with six digits,
 * issuer "Issuer <id>" and name "<id>@example.com". Each test module chooses
 * its own secret and clock; everything else is overridable.
 */

/** A valid TOTP account with the given id, secret and creation/modification time. */
export function testAccount(id: string, secret: string, at: number, overrides: Partial<Account> = {}): Account {
  return {
    id,
    issuer: `Issuer ${id}`,
    accountName: `${id}@example.com`,
    secret,
    type: 'totp',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    createdAt: at,
    modifiedAt: at,
    ...overrides,
  };
}
