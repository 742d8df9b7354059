import { z } from 'zod';

/*
 * Google Authenticator's "Transfer accounts" payload, as plain data. Field numbers
 * and enum values are written down in docs/import-export-formats.md (the .proto);
 * payload.ts encodes and decodes them. Enum fields keep the raw number so a value
 * Google adds later is reported, not misread.
 */

/** `MigrationPayload.Algorithm` */
export const MIGRATION_ALGORITHM = { unspecified: 0, SHA1: 1, SHA256: 2, SHA512: 3, MD5: 4 } as const;
/** `MigrationPayload.DigitCount` */
export const MIGRATION_DIGITS = { unspecified: 0, six: 1, eight: 2 } as const;
/** `MigrationPayload.OtpType` */
export const MIGRATION_OTP_TYPE = { unspecified: 0, hotp: 1, totp: 2 } as const;

/** Field numbers of `MigrationPayload` and `MigrationPayload.OtpParameters`. */
export const MIGRATION_FIELDS = {
  payload: { otpParameters: 1, version: 2, batchSize: 3, batchIndex: 4, batchId: 5 },
  otp: { secret: 1, name: 2, issuer: 3, algorithm: 4, digits: 5, type: 6, counter: 7 },
} as const;

/** The payload version Google Authenticator writes. */
export const MIGRATION_VERSION = 1;

export const MigrationOtpParameters = z.object({
  /** Raw key bytes. */
  secret: z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: "Expected bytes" }),
  name: z.string(),
  issuer: z.string(),
  /** A MIGRATION_ALGORITHM value. */
  algorithm: z.number().int(),
  /** A MIGRATION_DIGITS value. */
  digits: z.number().int(),
  /** A MIGRATION_OTP_TYPE value. */
  type: z.number().int(),
  /** HOTP moving factor (int64 on the wire; values beyond 2^53 are out of range for us anyway). */
  counter: z.number(),
});
export type MigrationOtpParameters = z.infer<typeof MigrationOtpParameters>;

export const MigrationPayload = z.object({
  otpParameters: z.array(MigrationOtpParameters),
  version: z.number().int(),
  /** Number of QR codes in the export this payload belongs to (0 or 1 when not split). */
  batchSize: z.number().int(),
  /** 0-based position of this payload among them. */
  batchIndex: z.number().int(),
  /** Random; the same on every QR code of one export. */
  batchId: z.number().int(),
});
export type MigrationPayload = z.infer<typeof MigrationPayload>;
