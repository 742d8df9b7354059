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
  /** PBKDF2 iterations accepted from a FreeOTP 2.x master key; FreeOTP uses 100 000. */
  minFreeOtpIterations: 1_000,
  maxFreeOtpIterations: 1_000_000,
  /** Bytes of one Java-serialized string (FreeOTP 2.x); a token's JSON is < 1 KiB. */
  maxJavaStringBytes: 1024 * 1024,
  /** Bytes of one encrypted secret (Authy, FreeOTP 2.x); a secret is at most 640 bytes. */
  maxEncryptedSecretBytes: 1024,
  /** Entries of a zip (Authenticator Plus holds one) and bytes inflated from the one read. */
  maxZipEntries: 64,
  maxZipEntryBytes: 4 * 1024 * 1024,
  /**
   * Binary data of no known format is offered as a possible old andOTP backup (which
   * has no header) only within these sizes: an IV, a tag and at least one byte; 1 MiB.
   */
  minAndOtpOldBytes: 12 + 16 + 1,
  maxAndOtpOldBytes: 1024 * 1024,
} as const;
