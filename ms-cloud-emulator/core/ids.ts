import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A random opaque token of `bytes` random bytes, base64url, after `prefix`. */
export function randomToken(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

/** A random GUID, lower case (as in trace ids). */
export function randomGuid(): string {
  return randomUUID();
}

/** Hex SHA-256 of a secret: what the data dir stores instead of refresh tokens and cookies. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** base64url of a UTF-8 string or bytes, no padding. */
export function base64Url(value: string | Uint8Array): string {
  return Buffer.from(value).toString('base64url');
}
