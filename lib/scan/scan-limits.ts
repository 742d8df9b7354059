/*
 * The bounds of one scan, shared by the content scripts (which must stay small:
 * this file has no dependencies) and the background's report schema. See
 * docs/page-scanning.md.
 */

export const SCAN_LIMITS = {
  /** Likely candidates a report may carry. */
  maxCandidates: 32,
  /** Areas to read from a screenshot a report may carry. */
  maxRegions: 32,
  /** Characters of one PNG data URL. */
  maxPngChars: 12_000_000,
  /** Characters of all PNG data URLs of one report together. */
  maxTotalPngChars: 24_000_000,
  /** Characters of one image URL. */
  maxUrlChars: 4096,
  /** Largest CSS coordinate or size accepted in a rectangle or viewport. */
  maxCssPixels: 100_000,
  /** Long side, in pixels, of a candidate's copy sent for decoding. */
  maxSentSide: 2000,
  /** Elements a scan looks at more closely (thumbnail + likeness) at most. */
  maxExamined: 400,
  /** Thumbnail side, px, for the likeness check; large images get a second look at twice this. */
  thumbnailSide: 320,
  /** Collection time on demand, ms (the page keeps painting: the collector yields between elements). */
  collectBudgetMs: 1500,
} as const;

/** The automatic watcher's smaller bounds, per pass and per page. */
export const WATCH_LIMITS = {
  maxCandidates: 8,
  collectBudgetMs: 300,
  maxPassesPerPage: 10,
  /** Quiet time after DOM changes before a pass, ms. */
  debounceMs: 1000,
} as const;

/** Kept decoded texts per stored record, and the characters of each (a version 40 QR code holds 2953 bytes). */
export const TEXT_LIMITS = { maxTexts: 64, maxTextChars: 8192 } as const;

/** The background's decoding budget, ms: per on-demand scan, and per automatic report / per page load. */
export const DECODE_BUDGETS = {
  /**
   * One image's share, ms, checked before each engine call (docs/qr-decoding.md
   * "Budgets"): ZXing reads a code in a few ms, so what it leaves is jsqr's
   * fallback, bounded here so no single image holds the scan up.
   */
  perImageMs: 150,
  onDemandMs: 2000, watchReportMs: 1000, watchPageMs: 4000, watchReportsPerPage: 10 } as const;

/** The one message a content script sends (automatic detection). */
export const WATCH_MESSAGE_KIND = 'hikae.scan-report';
