import { createHmac } from 'node:crypto';

/*
 * An independent implementation of RFC 4226/6238 for end-to-end assertions, on
 * Node's own HMAC: the codes the extension shows are checked against this, not
 * against the library the extension uses.
 */

function base32ToBytes(base32: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of base32.replace(/[\s=]/g, '').toUpperCase()) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

export function referenceHotp(secret: string, counter: number, digits = 6, algorithm: 'sha1' | 'sha256' | 'sha512' = 'sha1'): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac(algorithm, base32ToBytes(secret)).update(message).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const value = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 10 ** digits).padStart(digits, '0');
}

export function referenceTotp(
  secret: string,
  timeMs: number,
  { digits = 6, period = 30, algorithm = 'sha1' }: { digits?: number; period?: number; algorithm?: 'sha1' | 'sha256' | 'sha512' } = {},
): string {
  return referenceHotp(secret, Math.floor(timeMs / 1000 / period), digits, algorithm);
}
