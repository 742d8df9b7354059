import { describe, expect, it } from 'vitest';
import { decodeReport, type DecodeAccess } from '../../../../lib/background/scan/decode';
import { ScanNotAllowedError } from '../../../../lib/background/scan/errors';
import type { RgbaImage } from '../../../../lib/qr/rgba-image';
import { checkImageSize } from '../../../../lib/scan/image-header';
import type { ScanReport } from '../../../../lib/scan/scan-report';
import { nodeZxingReader } from '../../../fixtures/qr-corpus-generator/node-zxing';
import { blank, paste, qrImage } from '../../scan/qr-image';

const LINK = 'otpauth://totp/A:a?secret=JBSWY3DPEHPK3PXP&issuer=A';
const png = (n: number) => `data:image/png;base64,${Buffer.from(`image-${n}`).toString('base64')}`;

function report(candidates: ScanReport['candidates'], regions: ScanReport['regions'] = []): ScanReport {
  return { v: 1, viewport: { width: 400, height: 300, devicePixelRatio: 1 }, candidates, regions, truncated: false, stats: { examined: 0, likely: 0, failed: 0, elapsedMs: 0 } };
}

const zxing = nodeZxingReader();

function access(images: Record<string, RgbaImage>, overrides: Partial<DecodeAccess> = {}): DecodeAccess {
  return {
    zxing,
    page: { url: 'https://shop.example/enroll', automatic: false },
    pngPixels: async (url) => {
      const image = images[url];
      if (!image) throw new Error('The source image could not be decoded.');
      return image;
    },
    fetchImage: async () => {
      throw new TypeError('Failed to fetch');
    },
    capture: null,
    clock: () => performance.now(),
    ...overrides,
  };
}

describe('decodeReport', () => {
  it('keeps our texts, counts other codes, and skips images it cannot read', async () => {
    const outcome = await decodeReport(
      report([
        { kind: 'pixels', element: 'img', png: png(1) },
        { kind: 'pixels', element: 'img', png: png(2) },
        { kind: 'pixels', element: 'canvas', png: png(3) },
      ]),
      access({ [png(1)]: qrImage(`  ${LINK}`), [png(3)]: qrImage('https://example.com/x') }),
      5000,
    );
    expect(outcome).toMatchObject({ texts: [LINK], otherCodes: 1, unreadable: 1, decodedImages: 2, screenshot: false, outOfTime: false });
  });

  it('stops at the time budget, checked before each image', async () => {
    let now = 0;
    const outcome = await decodeReport(
      report([1, 2, 3].map((n) => ({ kind: 'pixels' as const, element: 'img' as const, png: png(n) }))),
      access({ [png(1)]: qrImage(LINK), [png(2)]: qrImage(LINK), [png(3)]: qrImage(LINK) }, { clock: () => (now += 400) }),
      1000,
    );
    expect(outcome.outOfTime).toBe(true);
    expect(outcome.decodedImages).toBeLessThan(3);
  });

  it('sends an image it could not fetch to the screenshot, where its rectangle is read', async () => {
    const shot = paste(blank(400, 300), qrImage(LINK, 2), 150, 100);
    const outcome = await decodeReport(
      report([{ kind: 'url', element: 'img', url: 'https://other.example/qr.png', rect: { x: 150, y: 100, width: 100, height: 100 } }]),
      access({}, { capture: async () => shot }),
      5000,
    );
    expect(outcome).toMatchObject({ texts: [LINK], unreadable: 1, screenshot: true });
  });

  it.each([
    ['a private host, for a public page', 'http://192.168.1.1/qr.png', 'https://shop.example/enroll', false, { reason: 'private-host', host: '192.168.1.1' }],
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data/', 'https://shop.example/enroll', false, { reason: 'private-host', host: '169.254.169.254' }],
    ['loopback with a port, for automatic detection', 'http://127.0.0.1:8080/qr.png', 'https://shop.example/enroll', true, { reason: 'private-host', host: '127.0.0.1:8080' }],
    ['another site, for automatic detection', 'https://cdn.other.example/qr.png', 'https://shop.example/enroll', true, { reason: 'other-site', host: 'cdn.other.example' }],
  ])('never fetches %s: counted and named as refused, its area read from the screenshot instead', async (_what, url, pageUrl, automatic, refusal) => {
    const fetched: string[] = [];
    const shot = paste(blank(400, 300), qrImage(LINK, 2), 150, 100);
    const outcome = await decodeReport(
      report([{ kind: 'url', element: 'img', url, rect: { x: 150, y: 100, width: 100, height: 100 } }]),
      access({}, {
        page: { url: pageUrl, automatic },
        fetchImage: async (asked) => {
          fetched.push(asked);
          throw new Error('must not be called');
        },
        capture: automatic ? null : async () => shot,
      }),
      5000,
    );
    expect(fetched).toEqual([]);
    expect(outcome).toMatchObject({ refusedFetches: 1, unreadable: 0, texts: automatic ? [] : [LINK] });
    expect(outcome.refusals).toEqual([refusal]);
  });

  /** The first bytes of a PNG claiming `width`×`height` (signature and IHDR). */
  const pngHeader = (width: number, height: number) => {
    const bytes = new Uint8Array(33);
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(bytes.buffer).setUint32(16, width);
    new DataView(bytes.buffer).setUint32(20, height);
    return bytes;
  };

  it.each([
    ['a fetched image', 'url' as const, 'img.shop.example', 30_000, 30_000],
    ['a candidate’s pixels', 'pixels' as const, null, 4001, 4000],
  ])('names %s whose header claims over 16 Mpx, read as unreadable (on demand, its area comes from the screenshot)', async (_what, kind, host, width, height) => {
    const decoded: string[] = [];
    // As the real ports do: the header is checked before anything decodes.
    const pixels = async (what: string): Promise<RgbaImage> => {
      checkImageSize(pngHeader(width, height));
      decoded.push(what);
      return blank(10, 10);
    };
    const shot = paste(blank(400, 300), qrImage(LINK, 2), 150, 100);
    const rect = { x: 150, y: 100, width: 100, height: 100 };
    const candidate = kind === 'url' ? { kind, element: 'img' as const, url: `https://${host}/huge.png`, rect } : { kind, element: 'img' as const, png: png(1) };
    const outcome = await decodeReport(report([candidate]), access({}, { pngPixels: pixels, fetchImage: pixels, capture: async () => shot }), 5000);
    expect(decoded).toEqual([]);
    expect(outcome.refusals).toEqual([{ reason: 'too-large', host, width, height }]);
    expect(outcome).toMatchObject({ unreadable: 1, decodedImages: kind === 'url' ? 1 : 0, texts: kind === 'url' ? [LINK] : [] });
  });

  it('a redirect is followed only where the same rules allow', async () => {
    let rules: { redirectAllowed(url: string): boolean } | undefined;
    await decodeReport(
      report([{ kind: 'url', element: 'img', url: 'https://cdn.other.example/qr.png', rect: null }]),
      access({}, {
        fetchImage: async (_url, _side, given) => {
          rules = given;
          throw new TypeError('Failed to fetch');
        },
      }),
      5000,
    );
    expect(rules?.redirectAllowed('https://img.elsewhere.example/qr.png')).toBe(true);
    expect(rules?.redirectAllowed('http://10.0.0.1/qr.png')).toBe(false);
    expect(rules?.redirectAllowed('http://localhost/qr.png')).toBe(false);
  });

  it('keeps the DOM’s codes when the screenshot is refused; with nothing else to read, the refusal stands', async () => {
    const refuse = async (): Promise<RgbaImage> => {
      throw new ScanNotAllowedError('Missing activeTab permission');
    };
    const outcome = await decodeReport(
      report([{ kind: 'pixels', element: 'img', png: png(1) }], [{ reason: 'video', rect: { x: 0, y: 0, width: 100, height: 100 } }]),
      access({ [png(1)]: qrImage(LINK) }, { capture: refuse }),
      5000,
    );
    expect(outcome).toMatchObject({ texts: [LINK], screenshot: false, screenshotRefused: true });
    await expect(decodeReport(null, access({}, { capture: refuse }), 5000)).rejects.toBeInstanceOf(ScanNotAllowedError);
  });

  it('takes no screenshot when none is allowed (automatic detection)', async () => {
    const outcome = await decodeReport(report([], [{ reason: 'frame', rect: { x: 0, y: 0, width: 100, height: 100 } }]), access({}), 5000);
    expect(outcome).toMatchObject({ texts: [], screenshot: false, decodedImages: 0 });
  });
});
