import { base64ToBytes, bytesToBase64 } from '../encoding/base64';
import { VaultDamagedError } from './errors';

/**
 * A copy backed by a plain ArrayBuffer: WebCrypto's typings (and some engines)
 * refuse views over SharedArrayBuffer or offsets into larger buffers.
 */
export function plainBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(new ArrayBuffer(bytes.length));
  copy.set(bytes);
  return copy;
}

export const utf8 = (text: string): Uint8Array<ArrayBuffer> => plainBytes(new TextEncoder().encode(text));

/** Compares without an early exit, so timing does not tell how many bytes matched. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}

const CANONICAL_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Standard base64 with padding (RFC 4648 §4). */
export const encodeBase64 = (bytes: Uint8Array): string => bytesToBase64(bytes);

/**
 * Strict base64 decoding for file fields: standard alphabet, padding, no
 * whitespace, unused bits zero (so one byte string has exactly one encoding),
 * and when `length` is given, exactly that many bytes. Anything else is damage.
 */
export function decodeBase64Field(text: string, field: string, length?: { exactly?: number; min?: number; max?: number }): Uint8Array<ArrayBuffer> {
  if (!CANONICAL_BASE64.test(text)) {
    throw new VaultDamagedError('base64', `${field} is not valid base64.`);
  }
  const bytes = plainBytes(base64ToBytes(text));
  if (encodeBase64(bytes) !== text) {
    throw new VaultDamagedError('base64', `${field} is not canonical base64 (non-zero padding bits).`);
  }
  if (length?.exactly !== undefined && bytes.length !== length.exactly) {
    throw new VaultDamagedError('length', `${field} must be ${length.exactly} bytes, not ${bytes.length}.`);
  }
  if (length?.min !== undefined && bytes.length < length.min) {
    throw new VaultDamagedError('length', `${field} must be at least ${length.min} bytes, not ${bytes.length}.`);
  }
  if (length?.max !== undefined && bytes.length > length.max) {
    throw new VaultDamagedError('length', `${field} must be at most ${length.max} bytes, not ${bytes.length}.`);
  }
  return bytes;
}
