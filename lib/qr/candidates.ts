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

/*
 * No zod here: this file runs in the page scanners (entrypoints/scan-*.ts), which
 * must stay small and free of zod's `Function` probe (web-ext lint's
 * DANGEROUS_EVAL). Plain checks do the same job for four numbers.
 */

/** An element's sizes: as laid out on the page (CSS px) and its own pixels (natural size). */
export interface ElementSizes {
  renderedWidth: number;
  renderedHeight: number;
  naturalWidth: number;
  naturalHeight: number;
}

/** The thresholds of {@link judgeQrCandidate}. */
export interface CandidateLimits {
  /** Smallest rendered side, CSS px: a person cannot scan a code shown smaller either. */
  minRenderedSide: number;
  /** Smallest natural side, px: a version 1 code with 1 px modules and no quiet zone is 21 px. */
  minNaturalSide: number;
  /** Largest natural side, px: anything larger is a photo or a page, not a code to decode. */
  maxNaturalSide: number;
  /** Longest side over shortest side, for both sizes: codes are square, give or take a caption. */
  maxAspectRatio: number;
}

export const DEFAULT_CANDIDATE_LIMITS: CandidateLimits = {
  minRenderedSide: 40,
  minNaturalSide: 21,
  maxNaturalSide: 4096,
  maxAspectRatio: 1.5,
};

export type CandidateVerdict = { candidate: true } | { candidate: false; reason: 'not-rendered' | 'too-small' | 'too-large' | 'not-square' };

type Rule = { whole?: boolean; min: number };
const SIZE_RULES: Record<keyof ElementSizes, Rule> = {
  renderedWidth: { min: 0 },
  renderedHeight: { min: 0 },
  naturalWidth: { whole: true, min: 0 },
  naturalHeight: { whole: true, min: 0 },
};
const LIMIT_RULES: Record<keyof CandidateLimits, Rule> = {
  minRenderedSide: { min: 0 },
  minNaturalSide: { whole: true, min: 1 },
  maxNaturalSide: { whole: true, min: 1 },
  maxAspectRatio: { min: 1 },
};

/**
 * Checks each field against its rule or throws {@link InvalidQrOptionError} naming
 * it (e.g. `sizes.naturalWidth`): wrong sizes are a caller's bug, reported precisely.
 */
function checkFields(value: object, rules: Record<string, Rule>, name: string): void {
  for (const [key, rule] of Object.entries(rules)) {
    const v = (value as Record<string, unknown>)[key];
    const ok = typeof v === 'number' && Number.isFinite(v) && v >= rule.min && (!rule.whole || Number.isInteger(v));
    if (!ok) {
      const field = `${name}.${key}`;
      throw new InvalidQrOptionError(field, `${field} is invalid: it must be a ${rule.whole ? 'whole ' : ''}number of at least ${rule.min}, not ${String(v)}.`);
    }
  }
}

/**
 * Whether an element (img, canvas, svg, background image) may show a QR code,
 * judged on its sizes alone: rendered at all, big enough to scan, not huge, and
 * roughly square both as drawn and in its own pixels.
 */
export function judgeQrCandidate(sizes: ElementSizes, limits: CandidateLimits = DEFAULT_CANDIDATE_LIMITS): CandidateVerdict {
  checkFields(sizes, SIZE_RULES, 'sizes');
  checkFields(limits, LIMIT_RULES, 'limits');
  const { renderedWidth: rw, renderedHeight: rh, naturalWidth: nw, naturalHeight: nh } = sizes;
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

/** Thumbnails larger than this (longest side, px) are shrunk first, so the check stays cheap. */
export const DEFAULT_LIKENESS_SIDE = 320;

export interface QrLikeness {
  /** True when at least one plausible code outline (three eyes with timing patterns) was seen. */
  likely: boolean;
  /** Luminance range of the thumbnail, 0–255 (under 24 nothing can be read). */
  contrast: number;
  /** Finder-pattern ("eye") hints seen; stray ones are common, see `outlines`. */
  finderPatterns: number;
  /** Plausible code outlines: three eyes at a right angle joined by timing patterns. */
  outlines: number;
}

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
