import { Secret } from 'otpauth';
import { InvalidAccountError, type AccountField } from './errors';
import { LIMITS } from './account';

const BASE32 = /^[A-Z2-7]+$/;

/**
 * Base32 lengths (mod 8) that cannot come from whole bytes: 1, 3 and 6 leftover
 * characters would leave 5, 15 or 30 bits, which no byte count produces.
 */
const IMPOSSIBLE_REMAINDERS = new Set([1, 3, 6]);

/**
 * Brings a secret typed or pasted by a person to canonical form: upper case, no
 * spaces or hyphens (sites print "abcd efgh …" for readability), no padding.
 * Throws {@link InvalidAccountError} on the `secret` field when it is not base32.
 */
export function normalizeSecret(input: string, field: AccountField = 'secret'): string {
  const secret = input.replace(/[\s-]/g, '').toUpperCase().replace(/=+$/, '');
  if (secret.length === 0) {
    throw new InvalidAccountError(field, 'required', 'The secret is empty.');
  }
  if (secret.length > LIMITS.maxSecretLength) {
    throw new InvalidAccountError(field, 'too-long', `The secret is longer than ${LIMITS.maxSecretLength} characters.`);
  }
  if (!BASE32.test(secret)) {
    const bad = [...secret].find((ch) => !/[A-Z2-7]/.test(ch)) ?? '';
    throw new InvalidAccountError(
      field,
      'invalid-base32',
      `The secret is not valid base32: "${bad}" is not one of A–Z and 2–7.`,
    );
  }
  if (IMPOSSIBLE_REMAINDERS.has(secret.length % 8)) {
    throw new InvalidAccountError(field, 'invalid-base32', 'The secret is not valid base32: its length is impossible (a character is missing or extra).');
  }
  return secret;
}

/** The key bytes of a canonical base32 secret. */
export function secretBytes(base32: string): Uint8Array {
  return Secret.fromBase32(base32).bytes;
}

/** Canonical base32 of raw key bytes (importers holding binary or hex keys use this). */
export function secretFromBytes(bytes: Uint8Array): string {
  return new Secret({ buffer: bytes.slice().buffer }).base32;
}
