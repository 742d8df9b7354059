/*
 * An image's size read from its file header, before anything decodes it
 * (docs/page-scanning.md "Caps"): a page can point the extension at a 30000×30000
 * PNG of a few kilobytes whose decoding needs 3.6 GB. PNG, GIF, JPEG and WebP say
 * their size in their first bytes (JPEG: in its frame header, after any metadata).
 */

export type HeaderFormat = 'png' | 'gif' | 'jpeg' | 'webp';

export interface ImageHeader {
  format: HeaderFormat;
  width: number;
  height: number;
}

/** Most pixels an image may have to be decoded: 16 Mpx (64 MB of RGBA). */
export const MAX_DECODED_PIXELS = 16_000_000;

/** The image is larger than the decoder accepts; names its size. */
export class ImageTooLargeError extends Error {
  override readonly name = 'ImageTooLargeError';
  constructor(readonly width: number, readonly height: number) {
    super(`The image is ${width}×${height} px, over the ${MAX_DECODED_PIXELS / 1_000_000} Mpx the scanner decodes.`);
  }
}

/** The bytes are not a PNG, GIF, JPEG or WebP whose size can be read. */
export class UnreadableImageHeaderError extends Error {
  override readonly name = 'UnreadableImageHeaderError';
}

const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, i: number) => u16le(b, i) | ((b[i + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, i: number) => ((b[i] ?? 0) * 0x1000000) + (((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0));
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

/** The size in an image file's header, or `null` when it is none of the known formats or is cut short. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  if (bytes.length >= 24 && bytes[0] === 0x89 && ascii(bytes, 1, 3) === 'PNG' && ascii(bytes, 12, 4) === 'IHDR') {
    return { format: 'png', width: u32be(bytes, 16), height: u32be(bytes, 20) };
  }
  if (bytes.length >= 10 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) {
    return { format: 'gif', width: u16le(bytes, 6), height: u16le(bytes, 8) };
  }
  if (bytes.length >= 30 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    const chunk = ascii(bytes, 12, 4);
    if (chunk === 'VP8 ' && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a) {
      return { format: 'webp', width: u16le(bytes, 26) & 0x3fff, height: u16le(bytes, 28) & 0x3fff };
    }
    if (chunk === 'VP8L' && bytes[20] === 0x2f) {
      const bits = (bytes[21] ?? 0) | ((bytes[22] ?? 0) << 8) | ((bytes[23] ?? 0) << 16) | ((bytes[24] ?? 0) << 24);
      return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    if (chunk === 'VP8X') return { format: 'webp', width: u24le(bytes, 24) + 1, height: u24le(bytes, 27) + 1 };
    return null;
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes);
  return null;
}

/** Walks a JPEG's segments to its frame header (SOF0–SOF15 but DHT, JPG and DAC). */
function jpegSize(bytes: Uint8Array): ImageHeader | null {
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const length = u16be(bytes, i + 2);
    if (length < 2) return null;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { format: 'jpeg', height: u16be(bytes, i + 5), width: u16be(bytes, i + 7) };
    }
    if (marker === 0xda || marker === 0xd9) return null; // image data before any frame header
    i += 2 + length;
  }
  return null;
}

/**
 * The header's size if the image may be decoded. Throws
 * {@link UnreadableImageHeaderError} when no size can be read (an unknown format
 * is not decoded blind) and {@link ImageTooLargeError} over `maxPixels`.
 */
export function checkImageSize(bytes: Uint8Array, maxPixels: number = MAX_DECODED_PIXELS): ImageHeader {
  const header = readImageHeader(bytes);
  if (!header) throw new UnreadableImageHeaderError('Not a PNG, GIF, JPEG or WebP image whose size can be read.');
  if (header.width === 0 || header.height === 0 || header.width * header.height > maxPixels) throw new ImageTooLargeError(header.width, header.height);
  return header;
}
