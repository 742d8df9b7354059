/*
 * Strict decoders for the encodings export files use. Strict, because a lenient
 * decoder turns a damaged file into wrong key material instead of an error.
 */

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}|[A-Za-z0-9+/]{3})?$/;
const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/** Bytes of standard base64 (padding optional); `undefined` when it is not base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '');
  if (!BASE64.test(clean)) return undefined;
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Bytes of base64url or standard base64 (for links, where either appears). */
export function decodeBase64Lenient(text: string): Uint8Array | undefined {
  return decodeBase64(text.replace(/-/g, '+').replace(/_/g, '/'));
}

/** Standard base64 with padding. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Bytes of a hex string (either case); `undefined` when it is not hex. */
export function decodeHex(text: string): Uint8Array | undefined {
  if (!HEX.test(text)) return undefined;
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** UTF-8 text of bytes, a leading byte-order mark removed; `undefined` when not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Not UTF-8: the caller treats the input as binary.
    return undefined;
  }
}

export function encodeUtf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Text that was not UTF-8, decoded with the encoding it most likely has. */
export interface LegacyText {
  text: string;
  /** What the user is told, e.g. "Windows-1252 (Latin-1)". */
  encoding: string;
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function decodeAs(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    // Not in this encoding (or the runtime lacks it): the caller tries the next.
    return undefined;
  }
}

/**
 * Guesses the encoding of bytes that are not UTF-8 but look like text, cheaply: a
 * UTF-16 byte-order mark; else mostly printable ASCII with no NUL and few control
 * bytes, read as Shift_JIS when that decodes cleanly to Japanese, else as
 * Windows-1252 (Latin-1 as Excel saves it; every byte decodes). Undefined for binary data.
 */
export function guessLegacyText(bytes: Uint8Array): LegacyText | undefined {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const little = bytes[0] === 0xff;
    const text = decodeAs(little ? 'utf-16le' : 'utf-16be', bytes.subarray(2));
    return text === undefined || text.includes('\0') ? undefined : { text, encoding: little ? 'UTF-16 LE' : 'UTF-16 BE' };
  }
  let ascii = 0;
  let control = 0;
  for (const byte of bytes) {
    if (byte === 0) return undefined;
    if (byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte < 0x7f)) ascii++;
    else if (byte < 0x20 || byte === 0x7f) control++;
  }
  if (bytes.length === 0 || control > bytes.length / 100 || ascii < bytes.length * 0.7) return undefined;
  const japanese = decodeAs('shift_jis', bytes);
  if (japanese !== undefined && JAPANESE.test(japanese)) return { text: japanese, encoding: 'Shift_JIS' };
  const latin = decodeAs('windows-1252', bytes);
  return latin === undefined ? undefined : { text: latin, encoding: 'Windows-1252 (Latin-1)' };
}
