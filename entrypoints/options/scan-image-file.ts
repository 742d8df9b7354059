import { browser } from 'wxt/browser';
import { readQrCodes } from '../../lib/qr/read-qr-codes';
import type { RgbaImage } from '../../lib/qr/rgba-image';
import type { ZxingReader } from '../../lib/qr/zxing-reader';
import { ZXING_WASM_FILE } from '../../lib/qr/zxing-reader-file';

/*
 * Reading QR codes from an image file in the options page (docs/page-scanning.md
 * "Image files"): an extension page, so decoding here is in an extension context,
 * and it has a DOM to draw SVG with.
 */

/** Image types the scan accepts (as the file picker lists them). */
export const SCANNABLE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/svg+xml'] as const;
/** Files larger than this are refused before reading, bytes. */
export const MAX_IMAGE_FILE_BYTES = 20 * 1024 * 1024;
/** Images are drawn at most this many px on the long side (decoding never reads more than 2000). */
const MAX_DRAW_SIDE = 4000;
/** SVG files are drawn at least this wide (codes drawn one <rect> per module need pixels per module). */
const MIN_SVG_SIDE = 1024;
/** Decoding time per image, ms. */
const DECODE_BUDGET_MS = 3000;

/** The file is not an image the scan reads, or too large; `reason` is for the UI. */
export class UnreadableImageError extends Error {
  override readonly name = 'UnreadableImageError';
  constructor(readonly reason: 'type' | 'size' | 'decode', message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

function drawPixels(source: CanvasImageSource, width: number, height: number, scale: number): RgbaImage {
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const canvas = new OffscreenCanvas(w, h);
  const context = canvas.getContext('2d')!;
  context.drawImage(source, 0, 0, w, h);
  const image = context.getImageData(0, 0, w, h);
  return { data: image.data, width: w, height: h };
}

async function svgPixels(file: Blob): Promise<RgbaImage> {
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const width = image.naturalWidth || MIN_SVG_SIDE;
    const height = image.naturalHeight || MIN_SVG_SIDE;
    const scale = Math.min(MAX_DRAW_SIDE / Math.max(width, height), Math.max(1, MIN_SVG_SIDE / Math.max(width, height)));
    return drawPixels(image, width, height, scale);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The file's pixels (PNG, JPEG, WebP, GIF's first frame, SVG). */
export async function imageFilePixels(file: Blob): Promise<RgbaImage> {
  if (!(SCANNABLE_TYPES as readonly string[]).includes(file.type)) {
    throw new UnreadableImageError('type', `Not an image type the scan reads: ${file.type || 'unknown'}.`);
  }
  if (file.size > MAX_IMAGE_FILE_BYTES) throw new UnreadableImageError('size', `The image is larger than ${MAX_IMAGE_FILE_BYTES} bytes.`);
  try {
    if (file.type === 'image/svg+xml') return await svgPixels(file);
    const bitmap = await createImageBitmap(file);
    try {
      return drawPixels(bitmap, bitmap.width, bitmap.height, Math.min(1, MAX_DRAW_SIDE / Math.max(bitmap.width, bitmap.height)));
    } finally {
      bitmap.close();
    }
  } catch (error) {
    throw new UnreadableImageError('decode', 'The image could not be read.', { cause: error });
  }
}

let zxing: Promise<ZxingReader> | null = null;
/**
 * ZXing over the extension's own packaged WebAssembly (a photo of a code is its
 * strength), jsqr after it. Its code loads with the first image, not with the page.
 */
function zxingReader(): Promise<ZxingReader> {
  zxing ??= import('../../lib/qr/zxing-reader').then(({ createZxingReader }) =>
    createZxingReader(async () => {
      const response = await fetch(new URL(ZXING_WASM_FILE, browser.runtime.getURL('/')).href);
      if (!response.ok) throw new Error(`${ZXING_WASM_FILE} answered ${response.status}.`);
      return response.arrayBuffer();
    }),
  );
  return zxing;
}

/** Every QR code's text in an image file, in the order found. */
export async function decodeImageFile(file: Blob): Promise<string[]> {
  const pixels = await imageFilePixels(file);
  const result = await readQrCodes(pixels, { zxing: await zxingReader(), timeBudgetMs: DECODE_BUDGET_MS, now: () => performance.now() });
  return result.codes.map((code) => code.text);
}
