import { z } from 'zod';
import { SCAN_LIMITS } from './scan-limits';

/*
 * What a content script hands the background after looking at a page (version 1,
 * docs/page-scanning.md "The report"). It comes from a page the extension does not
 * trust, so every field is bounded and anything unexpected fails the parse.
 */

const cssNumber = z.number().finite().min(-SCAN_LIMITS.maxCssPixels).max(SCAN_LIMITS.maxCssPixels);
const cssSize = z.number().finite().min(0).max(SCAN_LIMITS.maxCssPixels);

/** A rectangle in CSS pixels relative to the viewport's top left. */
export const ScanRect = z.object({ x: cssNumber, y: cssNumber, width: cssSize, height: cssSize }).strict();
export type ScanRect = z.infer<typeof ScanRect>;

export const ScanViewport = z
  .object({
    width: z.number().finite().min(1).max(SCAN_LIMITS.maxCssPixels),
    height: z.number().finite().min(1).max(SCAN_LIMITS.maxCssPixels),
    devicePixelRatio: z.number().finite().min(0.25).max(8),
  })
  .strict();
export type ScanViewport = z.infer<typeof ScanViewport>;

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;

/** Pixels the content script could read, as a PNG. */
export const PixelCandidate = z
  .object({
    kind: z.literal('pixels'),
    element: z.enum(['img', 'canvas', 'svg', 'background']),
    png: z.string().max(SCAN_LIMITS.maxPngChars).regex(PNG_DATA_URL, 'must be a base64 PNG data URL'),
  })
  .strict();
export type PixelCandidate = z.infer<typeof PixelCandidate>;

/** An image from another origin the page could show but not let the content script read. */
export const UrlCandidate = z
  .object({
    kind: z.literal('url'),
    element: z.enum(['img', 'background']),
    url: z
      .string()
      .max(SCAN_LIMITS.maxUrlChars)
      .refine(isHttpUrl, 'must be an http(s) URL'),
    rect: ScanRect.nullable(),
  })
  .strict();
export type UrlCandidate = z.infer<typeof UrlCandidate>;

export const ScanCandidate = z.discriminatedUnion('kind', [PixelCandidate, UrlCandidate]);
export type ScanCandidate = z.infer<typeof ScanCandidate>;

/** An area the DOM cannot give (another origin's frame, a video, a plugin, a tainted canvas): read from a screenshot. */
export const ScanRegion = z.object({ reason: z.enum(['frame', 'video', 'embed', 'canvas']), rect: ScanRect }).strict();
export type ScanRegion = z.infer<typeof ScanRegion>;

export const ScanReport = z
  .object({
    v: z.literal(1),
    viewport: ScanViewport,
    candidates: z.array(ScanCandidate).max(SCAN_LIMITS.maxCandidates),
    regions: z.array(ScanRegion).max(SCAN_LIMITS.maxRegions),
    /** A limit (count or time) cut the collection short. */
    truncated: z.boolean(),
    stats: z
      .object({
        examined: z.number().int().min(0).max(1_000_000),
        likely: z.number().int().min(0).max(1_000_000),
        /** Elements the browser could not draw (a broken image): skipped. */
        failed: z.number().int().min(0).max(1_000_000),
        elapsedMs: z.number().finite().min(0).max(3_600_000),
      })
      .strict(),
  })
  .strict()
  .superRefine((report, context) => {
    let total = 0;
    for (const candidate of report.candidates) if (candidate.kind === 'pixels') total += candidate.png.length;
    if (total > SCAN_LIMITS.maxTotalPngChars) {
      context.addIssue({ code: 'custom', path: ['candidates'], message: `the images together hold ${total} characters, over ${SCAN_LIMITS.maxTotalPngChars}` });
    }
  });
export type ScanReport = z.infer<typeof ScanReport>;
