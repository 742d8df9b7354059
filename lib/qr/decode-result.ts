import { z } from 'zod';

/*
 * What the decoder returns: plain data, so the result can cross a message
 * boundary (an offscreen document decoding for the service worker) as it is.
 */

/** The steps of the decoding cascade, named in results so a caller can see what worked. */
export const QrAttemptName = z.enum([
  'as-is',
  'shrink-1000',
  'shrink-2000',
  'enlarge-2x-bilinear',
  'enlarge-2x-nearest',
  'enlarge-4x-nearest',
  'on-black',
  'crop',
  'crop-enlarge-2x-bilinear',
  'crop-enlarge-4x-nearest',
  // ZXing's views (lib/qr/read-qr-codes.ts).
  'zxing',
  'zxing-shrink-1000',
  'zxing-on-black',
  'zxing-enlarge-2x-bilinear',
  'zxing-enlarge-3x-bilinear',
  'zxing-enlarge-4x-nearest',
]);
export type QrAttemptName = z.infer<typeof QrAttemptName>;

/** A point in pixels of the image passed in (continuous: pixel k spans [k, k+1)). */
export const QrPoint = z.object({ x: z.number(), y: z.number() });
export type QrPoint = z.infer<typeof QrPoint>;

/** The code's four corners (its outer edge, quiet zone excluded), in the image passed in. */
export const QrCorners = z.object({
  topLeft: QrPoint,
  topRight: QrPoint,
  bottomRight: QrPoint,
  bottomLeft: QrPoint,
});
export type QrCorners = z.infer<typeof QrCorners>;

export const QrEngine = z.enum(['zxing', 'jsqr']);
export type QrEngine = z.infer<typeof QrEngine>;

export const FoundQrCode = z.object({
  /**
   * The payload as text. Byte segments are read as UTF-8 (jsqr's choice); a segment
   * that is not valid UTF-8 comes out empty, so compare with `bytes` if that matters.
   */
  text: z.string(),
  /** The payload's raw bytes as encoded (all segments). */
  bytes: z.array(z.number().int().min(0).max(255)),
  /** QR version 1–40 (size: 17 + 4·version modules). */
  version: z.number().int().min(1).max(40),
  corners: QrCorners,
  /** The cascade step that read it. */
  attempt: QrAttemptName,
  /** The engine that read it: ZXing first, jsqr's cascade when ZXing found nothing. */
  engine: QrEngine,
});
export type FoundQrCode = z.infer<typeof FoundQrCode>;

/**
 * Why the search ended: it ran out of things to try (`exhausted`), found
 * `maxCodes` codes, or hit the time or work budget (then more codes may exist).
 */
export const QrStopReason = z.enum(['exhausted', 'max-codes', 'time-budget', 'work-budget']);
export type QrStopReason = z.infer<typeof QrStopReason>;

export const QrDecodeResult = z.object({
  /** Codes in the order found (not position order). */
  codes: z.array(FoundQrCode),
  stoppedBy: QrStopReason,
  /** Engine calls made (jsqr and ZXing). */
  attempts: z.number().int().min(0),
  /** Pixels handed to jsqr over all attempts: the work measure the budget counts. */
  scannedPixels: z.number().int().min(0),
});
export type QrDecodeResult = z.infer<typeof QrDecodeResult>;
