import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import QRCode from 'qrcode';
import { AFTERWARDS, CLOAKED, INTRANET } from './accounts';
import { otpauthUri } from './enrollment-server';

/*
 * Pages that point automatic detection at images it must not read
 * (docs/page-scanning.md "Caps"), on .test hosts the browser maps to 127.0.0.1:
 *   - www.hostile.test/huge.html shows an image from img.hostile.test (same site,
 *     another origin: the background fetches it) whose file, as the background gets
 *     it, is a 30000×30000 PNG of ~110 kB (3.6 GB once decoded);
 *   - www.hostile.test/private.html shows an image from 127.0.0.1 (loopback, a
 *     public page: the background must never request it);
 *   - shop.enroll.test/enroll.html, a normal page with its own code.
 * The server cloaks the huge image: the page's own request (it has a Referer) gets a
 * small code, the extension's fetch (no referrer, no cookies) the huge file. A page
 * controls what its server answers to whom; and the browser under test then never
 * decodes 3.6 GB for the page itself. Every image request is logged.
 */

export const HOSTS = { page: 'www.hostile.test', images: 'img.hostile.test', shop: 'shop.enroll.test' } as const;

/** The huge file's size: over the 16 Mpx cap 56 times. */
export const HUGE = { width: 30_000, height: 30_000 } as const;

export interface ImageRequest {
  path: string;
  host: string;
  /** The Referer header: a page's own image load has one, the background's fetch (no-referrer) none. */
  referer: string | null;
}

export interface HostileImageServer {
  port: number;
  /** http://<host>:<port> */
  origin(host: string): string;
  /** Every image request, in order. */
  requests: ImageRequest[];
  close(): Promise<void>;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A complete, valid PNG of `width`×`height` black pixels (1-bit greyscale): small on disk, huge decoded. */
export function hugePng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter, no interlace
  // Each row: filter byte 0 and width/8 zero bytes — 112.5 MB for 30000², deflated ~1000:1.
  const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const qr = (account: typeof CLOAKED) => QRCode.toBuffer(otpauthUri(account), { type: 'png', margin: 4, scale: 4, errorCorrectionLevel: 'M' });

const page = (title: string, imageUrl: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1><img src="${imageUrl}" width="240" height="240" alt="QR code">
<script>window.addEventListener('load', () => (document.body.dataset.ready = '1'));</script></body></html>`;

export async function startHostileImageServer(): Promise<HostileImageServer> {
  const images = { huge: hugePng(HUGE.width, HUGE.height), cloaked: await qr(CLOAKED), private: await qr(INTRANET), enroll: await qr(AFTERWARDS) };
  const requests: ImageRequest[] = [];
  let port = 0;
  const origin = (host: string) => `http://${host}:${port}`;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://unused');
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const referer = req.headers.referer ?? null;
    const send = (type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body), ...headers });
      res.end(body);
    };
    if (url.pathname.endsWith('.png')) requests.push({ path: url.pathname, host, referer });
    switch (url.pathname) {
      case '/huge.html':
        return send('text/html; charset=utf-8', page('Enable two-factor authentication', `${origin(HOSTS.images)}/huge.png`));
      case '/private.html':
        return send('text/html; charset=utf-8', page('Enable two-factor authentication', `${origin('127.0.0.1')}/private.png`));
      case '/enroll.html':
        return send('text/html; charset=utf-8', page('Set up your authenticator', '/enroll.png'));
      case '/huge.png':
        // Readable from anywhere, as a CDN's images are: a click's fetch (the extension then
        // holds no host permission for img.hostile.test) gets the file, not a CORS failure.
        return send('image/png', referer ? images.cloaked : images.huge, { 'access-control-allow-origin': '*' });
      case '/private.png':
        return send('image/png', images.private);
      case '/enroll.png':
        return send('image/png', images.enroll);
      default:
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    port,
    origin,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
