import { z } from 'zod';
import { binarizeGlobal } from './binarize-global';
import { findCodeOutlines } from './code-outlines';
import { downscaleArea } from './downscale-area';
import { InvalidQrOptionError } from './errors';
import { findFinderPatterns } from './finder-patterns';
import { BLACK, WHITE, toGrey, transparentShare, type GreyImage } from './grey-image';
import { checkRgbaImage, type RgbaImage } from './rgba-image';

/*
 * Cheap checks a page scanner runs before paying for a decode: first on an
 * element's sizes alone (no pixels read), then on a small thumbnail of it. A page
 * may hold a hundred images; only the few that pass both are worth decoding.
 */

/** An element's sizes: as laid out on the page (CSS px) and its own pixels (natural size). */
export const ElementSizes = z.object({
  renderedWidth: z.number().min(0),
  renderedHeight: z.number().min(0),
  naturalWidth: z.number().int().min(0),
  naturalHeight: z.number().int().min(0),
});
export type ElementSizes = z.infer<typeof ElementSizes>;

/** The thresholds of {@link judgeQrCandidate}. */
export const CandidateLimits = z.object({
  /** Smallest rendered side, CSS px: a person cannot scan a code shown smaller either. */
  minRenderedSide: z.number().min(0),
  /** Smallest natural side, px: a version 1 code with 1 px modules and no quiet zone is 21 px. */
  minNaturalSide: z.number().int().min(1),
  /** Largest natural side, px: anything larger is a photo or a page, not a code to decode. */
  maxNaturalSide: z.number().int().min(1),
  /** Longest side over shortest side, for both sizes: codes are square, give or take a caption. */
  maxAspectRatio: z.number().min(1),
});
export type CandidateLimits = z.infer<typeof CandidateLimits>;

export const DEFAULT_CANDIDATE_LIMITS: CandidateLimits = {
  minRenderedSide: 40,
  minNaturalSide: 21,
  maxNaturalSide: 4096,
  maxAspectRatio: 1.5,
};

export const CandidateVerdict = z.discriminatedUnion('candidate', [
  z.object({ candidate: z.literal(true) }),
  z.object({ candidate: z.literal(false), reason: z.enum(['not-rendered', 'too-small', 'too-large', 'not-square']) }),
]);
export type CandidateVerdict = z.infer<typeof CandidateVerdict>;

/**
 * Whether an element (img, canvas, svg, background image) may show a QR code,
 * judged on its sizes alone: rendered at all, big enough to scan, not huge, and
 * roughly square both as drawn and in its own pixels.
 */
export function judgeQrCandidate(sizes: ElementSizes, limits: CandidateLimits = DEFAULT_CANDIDATE_LIMITS): CandidateVerdict {
  const { renderedWidth: rw, renderedHeight: rh, naturalWidth: nw, naturalHeight: nh } = checked(ElementSizes, sizes, 'sizes');
  checked(CandidateLimits, limits, 'limits');
  if (rw === 0 || rh === 0 || nw === 0 || nh === 0) return { candidate: false, reason: 'not-rendered' };
  if (Math.min(rw, rh) < limits.minRenderedSide || Math.min(nw, nh) < limits.minNaturalSide) {
    return { candidate: false, reason: 'too-small' };
  }
  if (Math.max(nw, nh) > limits.maxNaturalSide) return { candidate: false, reason: 'too-large' };
  if (Math.max(rw, rh) / Math.min(rw, rh) > limits.maxAspectRatio || Math.max(nw, nh) / Math.min(nw, nh) > limits.maxAspectRatio) {
    return { candidate: false, reason: 'not-square' };
  }
  return { candidate: true };
}

/**
 * Parses with `schema` or throws {@link InvalidQrOptionError} naming the field
 * (e.g. `sizes.naturalWidth`): wrong sizes are a caller's bug, reported precisely.
 */
function checked<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = [name, ...(issue?.path ?? []).map(String)].join('.');
  throw new InvalidQrOptionError(field, `${field} is invalid: ${issue?.message ?? 'unexpected value'}.`, { cause: parsed.error });
}

/** Thumbnails larger than this (longest side, px) are shrunk first, so the check stays cheap. */
export const DEFAULT_LIKENESS_SIDE = 320;

export const QrLikeness = z.object({
  /** True when at least one plausible code outline (three eyes with timing patterns) was seen. */
  likely: z.boolean(),
  /** Luminance range of the thumbnail, 0–255 (under 24 nothing can be read). */
  contrast: z.number().min(0).max(255),
  /** Finder-pattern ("eye") hints seen; stray ones are common, see `outlines`. */
  finderPatterns: z.number().int().min(0),
  /** Plausible code outlines: three eyes at a right angle joined by timing patterns. */
  outlines: z.number().int().min(0),
});
export type QrLikeness = z.infer<typeof QrLikeness>;

/**
 * A quick look for QR structure in a small RGBA thumbnail of an element: are there
 * three finder patterns standing like a code's eyes, joined by timing patterns?
 * Costs a few milliseconds at 320 px, against tens to thousands for a decode
 * attempt, and rejects photos, logos, text and patterns. Codes with more modules
 * than thumbnail pixels cannot show their eyes: give at least ~2 px per module
 * (320 px suits codes up to version 25). Transparent thumbnails are also looked
 * at over black, for light codes drawn for dark pages.
 */
export function qrLikeness(thumbnail: RgbaImage, maxSide: number = DEFAULT_LIKENESS_SIDE): QrLikeness {
  const image = checkRgbaImage(thumbnail);
  if (!Number.isInteger(maxSide) || maxSide < 21) {
    throw new InvalidQrOptionError('maxSide', `maxSide must be a whole number of pixels, at least 21, not ${maxSide}.`);
  }
  const backgrounds = transparentShare(image, 3) > 0 ? [WHITE, BLACK] : [WHITE];
  let best: QrLikeness = { likely: false, contrast: 0, finderPatterns: 0, outlines: 0 };
  for (const background of backgrounds) {
    const grey = shrinkToFit(toGrey(image, background), maxSide);
    let lo = 255;
    let hi = 0;
    for (const level of grey.data) {
      if (level < lo) lo = level;
      if (level > hi) hi = level;
    }
    const bitmap = binarizeGlobal(grey);
    const hints = bitmap ? findFinderPatterns(bitmap) : [];
    const outlines = bitmap ? findCodeOutlines(hints, bitmap).length : 0;
    const look: QrLikeness = { likely: outlines > 0, contrast: Math.max(0, hi - lo), finderPatterns: hints.length, outlines };
    if (look.outlines > best.outlines || (look.outlines === best.outlines && look.contrast > best.contrast)) best = look;
  }
  return best;
}

function shrinkToFit(image: GreyImage, maxSide: number): GreyImage {
  const longest = Math.max(image.width, image.height);
  if (longest <= maxSide) return image;
  const scale = maxSide / longest;
  return downscaleArea(image, Math.max(1, Math.round(image.width * scale)), Math.max(1, Math.round(image.height * scale)));
}
