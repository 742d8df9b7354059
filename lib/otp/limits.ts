// Kept apart from the schemas (no zod): pages word range errors with these bounds.

/** Limits every account must respect; the UI and all importers share them. */
export const LIMITS = {
  /** RFC 4226 asks for at least 6 digits; 10 is the most a 31-bit truncation can fill. */
  minDigits: 6,
  maxDigits: 10,
  /** Steam Guard codes are always 5 characters. */
  steamDigits: 5,
  minPeriodSeconds: 1,
  maxPeriodSeconds: 3600,
  maxTextLength: 256,
  /** Base32 characters; 1024 encode 640 bytes, far beyond any real key. */
  maxSecretLength: 1024,
} as const;
