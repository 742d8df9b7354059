import { argon2id, scrypt } from 'hash-wasm';

/*
 * The few primitives export formats use, on WebCrypto (Node 20 and every extension
 * context have it) and hash-wasm's scrypt (WebCrypto has none).
 */

/** AES-GCM rejected the tag: wrong key, or the ciphertext/tag/nonce were altered. */
export class GcmAuthenticationError extends Error {
  override readonly name = 'GcmAuthenticationError';
}

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;

/** A copy backed by a plain ArrayBuffer, as WebCrypto's BufferSource wants. */
const buffer = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

/**
 * AES-256-GCM decryption with a 128-bit tag appended to the ciphertext.
 * Throws GcmAuthenticationError when the tag does not verify.
 * @param key 32 bytes; @param iv 12 bytes (callers check lengths first)
 */
export async function aesGcmDecrypt(key: Uint8Array, iv: Uint8Array, ciphertextAndTag: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await subtle().importKey('raw', buffer(key), 'AES-GCM', false, ['decrypt']);
  try {
    return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: buffer(iv), tagLength: 128 }, cryptoKey, buffer(ciphertextAndTag)));
  } catch (cause) {
    throw new GcmAuthenticationError('AES-GCM authentication failed.', { cause });
  }
}

/** AES-256-GCM encryption; returns ciphertext with the 128-bit tag appended (tests build files with it). */
export async function aesGcmEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await subtle().importKey('raw', buffer(key), 'AES-GCM', false, ['encrypt']);
  return new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv: buffer(iv), tagLength: 128 }, cryptoKey, buffer(plaintext)));
}

/** PBKDF2 with HMAC-`hash`, 256 bits of output. Iterations are checked by the caller against IMPORT_LIMITS. */
export async function pbkdf2(password: string, salt: Uint8Array, iterations: number, hash: 'SHA-1' | 'SHA-256' | 'SHA-512'): Promise<Uint8Array> {
  const base = await subtle().importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await subtle().deriveBits({ name: 'PBKDF2', hash, salt: buffer(salt), iterations }, base, 256));
}

/** AES-GCM with associated data (FreeOTP binds each key to its algorithm name). Throws GcmAuthenticationError. */
export async function aesGcmDecryptWithAad(key: Uint8Array, iv: Uint8Array, ciphertextAndTag: Uint8Array, aad: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await subtle().importKey('raw', buffer(key), 'AES-GCM', false, ['decrypt']);
  try {
    return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: buffer(iv), additionalData: buffer(aad), tagLength: 128 }, cryptoKey, buffer(ciphertextAndTag)));
  } catch (cause) {
    throw new GcmAuthenticationError('AES-GCM authentication failed.', { cause });
  }
}

/** AES-CBC padding did not verify: a wrong key (CBC has no tag) or altered bytes. */
export class CbcPaddingError extends Error {
  override readonly name = 'CbcPaddingError';
}

/**
 * AES-256-CBC decryption with PKCS#7 padding. Throws CbcPaddingError when the padding
 * is wrong. CBC is unauthenticated: callers must still check the plaintext's shape.
 * @param key 32 bytes; @param iv 16 bytes; ciphertext a non-empty multiple of 16 bytes (callers check)
 */
export async function aesCbcDecrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await subtle().importKey('raw', buffer(key), 'AES-CBC', false, ['decrypt']);
  try {
    return new Uint8Array(await subtle().decrypt({ name: 'AES-CBC', iv: buffer(iv) }, cryptoKey, buffer(ciphertext)));
  } catch (cause) {
    throw new CbcPaddingError('AES-CBC padding is wrong.', { cause });
  }
}

/** AES-256-CBC encryption with PKCS#7 padding (tests build files with it). */
export async function aesCbcEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await subtle().importKey('raw', buffer(key), 'AES-CBC', false, ['encrypt']);
  return new Uint8Array(await subtle().encrypt({ name: 'AES-CBC', iv: buffer(iv) }, cryptoKey, buffer(plaintext)));
}

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', buffer(bytes)));
}

/** Argon2id, 32 bytes of output. `memoryKiB` is checked by the caller against IMPORT_LIMITS. */
export async function argon2id256(password: string, salt: Uint8Array, iterations: number, parallelism: number, memoryKiB: number): Promise<Uint8Array> {
  return argon2id({ password, salt, iterations, parallelism, memorySize: memoryKiB, hashLength: 32, outputType: 'binary' });
}

/** scrypt, 32 bytes of output. Parameters are checked by the caller against IMPORT_LIMITS. */
export async function scrypt256(password: string, salt: Uint8Array, n: number, r: number, p: number): Promise<Uint8Array> {
  return scrypt({ password, salt, costFactor: n, blockSize: r, parallelism: p, hashLength: 32, outputType: 'binary' });
}
