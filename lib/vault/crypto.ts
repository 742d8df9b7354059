import { plainBytes, utf8 } from './bytes';

/*
 * Thin WebCrypto helpers (globalThis.crypto.subtle exists in Node 20 and in every
 * extension context). All keys are raw 32-byte values; AES-GCM uses a 96-bit
 * nonce and a 128-bit tag appended to the ciphertext.
 */

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;

/** Bytes of an AES-GCM nonce. */
export const NONCE_BYTES = 12;
/** Bytes of the AES-GCM tag appended to every ciphertext. */
export const TAG_BYTES = 16;
/** Bytes of the master key and every derived key. */
export const KEY_BYTES = 32;

/** HKDF-SHA256 (RFC 5869) with an empty salt: `ikm` is already uniformly random. */
export async function hkdf(ikm: Uint8Array, info: string, bytes = KEY_BYTES): Promise<Uint8Array<ArrayBuffer>> {
  const key = await subtle().importKey('raw', plainBytes(ikm), 'HKDF', false, ['deriveBits']);
  const bits = await subtle().deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8(info) }, key, bytes * 8);
  return new Uint8Array(bits);
}

export async function sha256(data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle().digest('SHA-256', plainBytes(data)));
}

async function aesKey(raw: Uint8Array, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  return subtle().importKey('raw', plainBytes(raw), { name: 'AES-GCM' }, false, [usage]);
}

/** AES-256-GCM encryption; returns ciphertext ‖ tag. */
export async function aesGcmEncrypt(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const out = await subtle().encrypt(
    { name: 'AES-GCM', iv: plainBytes(nonce), additionalData: plainBytes(aad), tagLength: TAG_BYTES * 8 },
    await aesKey(key, 'encrypt'),
    plainBytes(plaintext),
  );
  return new Uint8Array(out);
}

/**
 * AES-256-GCM decryption. A failed tag check (wrong key, or any changed byte of
 * nonce, ciphertext, tag or AAD) throws `onAuthFailure(cause)`, so each caller
 * names the problem; any other fault is rethrown as it is.
 */
export async function aesGcmDecrypt(
  key: Uint8Array,
  nonce: Uint8Array,
  ciphertext: Uint8Array,
  aad: Uint8Array,
  onAuthFailure: (cause: unknown) => Error,
): Promise<Uint8Array<ArrayBuffer>> {
  const cryptoKey = await aesKey(key, 'decrypt');
  let out: ArrayBuffer;
  try {
    out = await subtle().decrypt(
      { name: 'AES-GCM', iv: plainBytes(nonce), additionalData: plainBytes(aad), tagLength: TAG_BYTES * 8 },
      cryptoKey,
      plainBytes(ciphertext),
    );
  } catch (error) {
    // WebCrypto reports a failed tag check as a DOMException named OperationError.
    if (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'OperationError') {
      throw onAuthFailure(error);
    }
    throw error;
  }
  return new Uint8Array(out);
}

/** The AAD convention of both formats: UTF-8 of JSON.stringify of an array. */
export const aadOf = (parts: readonly (string | number)[]): Uint8Array<ArrayBuffer> => utf8(JSON.stringify(parts));
