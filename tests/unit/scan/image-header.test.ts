import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkImageSize, ImageTooLargeError, MAX_DECODED_PIXELS, readImageHeader, UnreadableImageHeaderError } from '../../../lib/scan/image-header';

/** A real file of each format and size, written by sharp (libvips' encoders). */
async function encoded(format: 'png' | 'gif' | 'jpeg' | 'webp', width: number, height: number, options: object = {}): Promise<Uint8Array> {
  const image = sharp({ create: { width, height, channels: 3, background: '#8899aa' } });
  const withMeta = format === 'jpeg' ? image.withExif({ IFD0: { Copyright: 'x'.repeat(3000) } }) : image;
  return new Uint8Array(await withMeta.toFormat(format, options).toBuffer());
}

/** Only the first bytes of a PNG claiming `width`×`height`: signature and IHDR, nothing decodable. */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  bytes.set([8, 6, 0, 0, 0], 24);
  return bytes;
}

describe('readImageHeader', () => {
  it.each([
    ['png', 640, 480, {}],
    ['png', 1, 4000, {}],
    ['gif', 300, 200, {}],
    ['jpeg', 1024, 768, {}],
    ['jpeg', 500, 333, { progressive: true }],
    ['webp', 320, 240, { quality: 80 }],
    ['webp', 333, 111, { lossless: true }],
  ] as const)('%s %i×%i', async (format, width, height, options) => {
    expect(readImageHeader(await encoded(format, width, height, options))).toEqual({ format, width, height });
  });

  it('reads a WebP with an alpha channel (extended VP8X header)', async () => {
    const bytes = new Uint8Array(await sharp({ create: { width: 77, height: 55, channels: 4, background: '#ff000080' } }).webp().toBuffer());
    expect(readImageHeader(bytes)).toEqual({ format: 'webp', width: 77, height: 55 });
  });

  it.each([
    ['nothing', new Uint8Array()],
    ['text', new TextEncoder().encode('<html>not an image</html>')],
    ['a PNG cut before its IHDR', pngHeader(10, 10).subarray(0, 20)],
    ['a JPEG with no frame header', new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 4, 0, 0, 0, 0, 0, 0])],
    ['an SVG', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="30000" height="30000"/>')],
  ])('none for %s', (_what, bytes) => {
    expect(readImageHeader(bytes)).toBeNull();
  });
});

describe('checkImageSize', () => {
  it.each([
    ['a 30000×30000 PNG (33 bytes of header)', pngHeader(30_000, 30_000), true],
    ['a PNG one pixel over 16 Mpx', pngHeader(4001, 4000), true],
    ['a PNG of exactly 16 Mpx', pngHeader(4000, 4000), false],
    ['a 2000×2000 PNG', pngHeader(2000, 2000), false],
    ['a PNG claiming 0 px', pngHeader(0, 100), true],
  ])('%s: refused = %s', (_what, bytes, refused) => {
    if (refused) expect(() => checkImageSize(bytes)).toThrow(ImageTooLargeError);
    else expect(checkImageSize(bytes).width * checkImageSize(bytes).height).toBeLessThanOrEqual(MAX_DECODED_PIXELS);
  });

  it('names the size in its message', () => {
    expect(() => checkImageSize(pngHeader(30_000, 30_000))).toThrow('30000×30000 px, over the 16 Mpx');
  });

  it('refuses what it cannot measure rather than decoding it blind', () => {
    expect(() => checkImageSize(new TextEncoder().encode('GIF8'))).toThrow(UnreadableImageHeaderError);
  });

  it('refuses a large real JPEG from its frame header, after 3 kB of metadata', async () => {
    expect(() => checkImageSize(Uint8Array.from(Buffer.from('ignored')))).toThrow(UnreadableImageHeaderError);
    const bytes = await encoded('jpeg', 5000, 4000);
    expect(() => checkImageSize(bytes)).toThrow(ImageTooLargeError);
  });
});
