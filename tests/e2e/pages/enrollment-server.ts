import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import QRCode from 'qrcode';
import { formatMigrationUri, MIGRATION_ALGORITHM, MIGRATION_DIGITS, MIGRATION_OTP_TYPE } from '../../../lib/migration';
import { secretBytes } from '../../../lib/otp/secret';
import { ROOT } from '../../../tools/browser/config';
import { CLOSED_SHADOW, ENROLL, FORMS, HOSTILE, MIGRATION_ACCOUNTS, type PageAccount } from './accounts';

/*
 * Local enrollment pages for the scanning tests and the benchmark: one origin for
 * the pages (http://127.0.0.1:<port>) and a second one (http://localhost:<port>)
 * for images and frames from another origin — with CORS for one image, without
 * for another. QR images are drawn by the `qrcode` encoder when the server starts.
 */

export const otpauthUri = (a: PageAccount) =>
  `otpauth://${a.type ?? 'totp'}/${encodeURIComponent(a.issuer)}:${encodeURIComponent(a.accountName)}?secret=${a.secret}&issuer=${encodeURIComponent(a.issuer)}${a.type === 'hotp' ? `&counter=${a.counter ?? 0}` : ''}`;

/** The two QR codes of the test export (batch of 2). */
export function migrationUris(): string[] {
  return [0, 1].map((part) =>
    formatMigrationUri({
      version: 1,
      batchSize: 2,
      batchIndex: part,
      batchId: 777,
      otpParameters: MIGRATION_ACCOUNTS.filter((a) => a.part === part).map((a) => ({
        secret: secretBytes(a.secret),
        name: `${a.issuer}:${a.accountName}`,
        issuer: a.issuer,
        algorithm: MIGRATION_ALGORITHM.SHA1,
        digits: MIGRATION_DIGITS.six,
        type: a.type === 'hotp' ? MIGRATION_OTP_TYPE.hotp : MIGRATION_OTP_TYPE.totp,
        counter: a.counter ?? 0,
      })),
    }),
  );
}

/** A malformed otpauth link (no secret) and a code that is not ours. */
export const BROKEN_OTPAUTH = 'otpauth://totp/Broken%20Co:carol?issuer=Broken%20Co';
export const NOT_OURS = 'https://example.com/welcome';

/** Corpus images a page may show as they are (the closed-shadow page's small code). */
const CORPUS_FILES = ['small-1_2px-linear.png'];
const DECOY_FILES = ['decoy-checkerboard.png', 'decoy-finders-random-data.png', 'decoy-photo-like.jpg', 'decoy-square-logo.png'];
const PAGES_DIR = import.meta.dirname;

export interface EnrollmentServers {
  /** http://127.0.0.1:<port> — where the enrollment pages are. */
  site: string;
  /** http://localhost:<port> — another origin. */
  other: string;
  close(): Promise<void>;
}

const png = (text: string, scale = 4) => QRCode.toBuffer(text, { type: 'png', margin: 4, scale, errorCorrectionLevel: 'M' });

async function qrImages(): Promise<Map<string, Buffer>> {
  const images = new Map<string, Buffer>();
  for (const [name, account] of Object.entries(FORMS)) images.set(name, await png(otpauthUri(account)));
  images.set('enroll', await png(otpauthUri(ENROLL), 5));
  images.set('hostile', await png(otpauthUri(HOSTILE)));
  images.set('closedShadow', await png(otpauthUri(CLOSED_SHADOW)));
  const [first, second] = migrationUris();
  images.set('migration-1', await png(first!, 3));
  images.set('migration-2', await png(second!, 3));
  images.set('broken', await png(BROKEN_OTPAUTH));
  images.set('not-ours', await png(NOT_OURS));
  return images;
}

/** The inline SVG of the "svg" form: dark modules painted by a page stylesheet class, not an attribute. */
async function inlineSvg(): Promise<string> {
  const svg = await QRCode.toString(otpauthUri(FORMS.svg), { type: 'svg', margin: 4 });
  return svg.replace('stroke="#000000"', 'class="qr-dark"').replace('<svg ', '<svg width="180" height="180" id="svg-form" ');
}

function template(file: string, values: Record<string, string>): string {
  let html = fs.readFileSync(path.join(PAGES_DIR, file), 'utf8');
  for (const [key, value] of Object.entries(values)) html = html.replaceAll(`{{${key}}}`, value);
  return html;
}

function listen(server: http.Server, host: string | undefined): Promise<number> {
  return new Promise((resolve) => server.listen(0, host, () => resolve((server.address() as AddressInfo).port)));
}

export async function startEnrollmentServers(): Promise<EnrollmentServers> {
  const images = await qrImages();
  const svg = await inlineSvg();
  const dataUrl = `data:image/png;base64,${images.get('dataUrl')!.toString('base64')}`;
  let site = '';
  let other = '';

  const send = (res: http.ServerResponse, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    res.end(body);
  };
  const notFound = (res: http.ServerResponse) => {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  };

  const siteServer = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', site);
    const qr = /^\/qr\/([\w-]+)\.png$/.exec(url.pathname);
    if (qr && images.has(qr[1]!)) return send(res, 'image/png', images.get(qr[1]!)!);
    const decoy = /^\/decoy\/([\w.-]+)$/.exec(url.pathname);
    if (decoy && DECOY_FILES.includes(decoy[1]!)) {
      return send(res, decoy[1]!.endsWith('.jpg') ? 'image/jpeg' : 'image/png', fs.readFileSync(path.join(ROOT, 'tests/fixtures/qr', decoy[1]!)));
    }
    const corpus = /^\/corpus\/([\w.-]+)$/.exec(url.pathname);
    if (corpus && CORPUS_FILES.includes(corpus[1]!)) return send(res, 'image/png', fs.readFileSync(path.join(ROOT, 'tests/fixtures/qr', corpus[1]!)));
    const values = { OTHER: other, SVG: svg, DATA_URL: dataUrl, DECOYS: JSON.stringify(DECOY_FILES) };
    const page = /^\/([\w-]+\.html)$/.exec(url.pathname);
    if (page && fs.existsSync(path.join(PAGES_DIR, page[1]!))) return send(res, 'text/html; charset=utf-8', template(page[1]!, values));
    return notFound(res);
  });

  const otherServer = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', other);
    if (url.pathname === '/qr/corsImage.png') return send(res, 'image/png', images.get('corsImage')!, { 'access-control-allow-origin': '*' });
    // No CORS header: the page may show it, nobody may read it — except from a screenshot.
    if (url.pathname === '/qr/opaqueImage.png') return send(res, 'image/png', images.get('opaqueImage')!);
    if (url.pathname === '/qr/otherFrame.png') return send(res, 'image/png', images.get('otherFrame')!);
    if (url.pathname === '/other-frame.html') return send(res, 'text/html; charset=utf-8', template('other-frame.html', {}));
    return notFound(res);
  });

  const sitePort = await listen(siteServer, '127.0.0.1');
  // All interfaces: "localhost" may resolve to ::1 or 127.0.0.1.
  const otherPort = await listen(otherServer, undefined);
  site = `http://127.0.0.1:${sitePort}`;
  other = `http://localhost:${otherPort}`;
  return {
    site,
    other,
    close: async () => {
      siteServer.closeAllConnections();
      otherServer.closeAllConnections();
      await Promise.all([new Promise((r) => siteServer.close(r)), new Promise((r) => otherServer.close(r))]);
    },
  };
}
