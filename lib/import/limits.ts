/**
 * Safety limits for untrusted import files. Every parser checks these before doing
 * work proportional to them, so a crafted file fails fast with ImportLimitError
 * (or DamagedFileError for impossible header values) instead of hanging.
 */
export const IMPORT_LIMITS = {
  /** Bytes (or UTF-16 code units for text input). Real exports are a few hundred KiB. */
  maxInputSize: 20 * 1024 * 1024,
  /** Entries per file; refused rather than truncated. */
  maxEntries: 10_000,
  /** Nesting of JSON arrays/objects; real formats nest at most 6 deep. */
  maxJsonDepth: 64,
  /** Characters per line of a URI list; longer lines are skipped. */
  maxLineLength: 64 * 1024,
  /** Aegis password slots tried (one scrypt run each). */
  maxAegisSlots: 16,
  /**
   * scrypt: N ≤ 2^20, r ≤ 32, p ≤ 16, memory 128·N·r ≤ 128 MiB and work N·r·p ≤ 2^22
   * (16 times Aegis's N=2^15, r=8, p=1, about 2 s here).
   */
  maxScryptN: 2 ** 20,
  maxScryptR: 32,
  maxScryptP: 16,
  maxScryptMemoryBytes: 128 * 1024 * 1024,
  maxScryptWork: 2 ** 22,
  /** PBKDF2 iterations accepted from an andOTP header; andOTP picks 140 000–160 000. */
  minAndOtpIterations: 1_000,
  maxAndOtpIterations: 1_000_000,
  /** Decoded bytes of one Google Authenticator migration payload; one QR code holds < 3 KiB. */
  maxMigrationPayloadBytes: 64 * 1024,
} as const;
