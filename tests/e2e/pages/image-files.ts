import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import sharp from 'sharp';
import type { PageAccount } from './accounts';
import { otpauthUri } from './enrollment-server';

/*
 * Image files for the options page's scan: one account per format the picker
 * accepts, encoded by real encoders (`qrcode`, `sharp`).
 */

export const FILE_ACCOUNTS = {
  png: { issuer: 'File Png', accountName: 'png@example.com', secret: 'OBUW4ZZAMZUWYZJA' },
  jpeg: { issuer: 'File Jpeg', accountName: 'jpeg@example.com', secret: 'NJYGKZZAMZUWYZJA' },
  webp: { issuer: 'File WebP', accountName: 'webp@example.com', secret: 'O5SWE4BAMZUWYZJA' },
  gif: { issuer: 'File Gif', accountName: 'gif@example.com', secret: 'M5UWMIDGNFWGKIBA' },
  svg: { issuer: 'File Svg', accountName: 'svg@example.com', secret: 'ON3GOIDGNFWGKIBA' },
  pasted: { issuer: 'Pasted', accountName: 'paste@example.com', secret: 'OBQXG5DFMQQGK6DB' },
  dropped: { issuer: 'Dropped', accountName: 'drop@example.com', secret: 'MRZG64DQMVSCAZLY' },
} satisfies Record<string, PageAccount>;

/** Writes the files into a new temporary folder; returns their paths by format, and PNG bytes for paste and drop. */
export async function writeImageFiles(): Promise<{ files: Record<'png' | 'jpeg' | 'webp' | 'gif' | 'svg', string>; pastedPng: Buffer; droppedPng: Buffer }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hikae-qr-files-'));
  const png = (account: PageAccount) => QRCode.toBuffer(otpauthUri(account), { type: 'png', margin: 4, scale: 6 });
  const files = {
    png: path.join(dir, 'code.png'),
    jpeg: path.join(dir, 'code.jpg'),
    webp: path.join(dir, 'code.webp'),
    gif: path.join(dir, 'code.gif'),
    svg: path.join(dir, 'code.svg'),
  };
  fs.writeFileSync(files.png, await png(FILE_ACCOUNTS.png));
  fs.writeFileSync(files.jpeg, await sharp(await png(FILE_ACCOUNTS.jpeg)).jpeg({ quality: 80 }).toBuffer());
  fs.writeFileSync(files.webp, await sharp(await png(FILE_ACCOUNTS.webp)).webp({ quality: 80 }).toBuffer());
  fs.writeFileSync(files.gif, await sharp(await png(FILE_ACCOUNTS.gif)).gif().toBuffer());
  fs.writeFileSync(files.svg, await QRCode.toString(otpauthUri(FILE_ACCOUNTS.svg), { type: 'svg', margin: 4 }));
  return { files, pastedPng: await png(FILE_ACCOUNTS.pasted), droppedPng: await png(FILE_ACCOUNTS.dropped) };
}
