import type { z } from 'zod';
import { decodeBase64Field } from './bytes';
import { checkFormatAndVersion, checkPayloadFields, describeIssues, fileValue, KEY_ID_BYTES, type EncryptedPayload } from './envelope';
import type { VaultDamage, VaultDamagedError } from './errors';
import { checkKeySlots, keySlotsOf, type SlotCarrier } from './key-slots';

/*
 * The vault file and the backup file are the same envelope (format id, version,
 * key id, key slots, encrypted payload) with different names, versions and
 * errors. Reading one without a key is therefore one procedure, described here
 * once; each format passes what differs (docs/vault-format.md, docs/backup-format.md).
 */

/** What one kind of envelope file (the vault, the backup) brings to {@link parseEnvelope}. */
export interface EnvelopeKind<F> {
  /** The word used in messages: "vault", "backup". */
  what: string;
  format: string;
  /** The strict schema of each readable version, by version number. */
  schemas: Readonly<Record<number, z.ZodType<F>>>;
  Damaged: new (problem: VaultDamage, message: string, options?: ErrorOptions) => VaultDamagedError;
  /** Thrown for a version newer than this code reads. */
  Unsupported: new (version: number, part: 'file', message: string, options?: ErrorOptions) => Error;
}

/**
 * Checks an envelope file's structure and version without any key: JSON, format
 * id, version, strict fields, the slot list, base64 and lengths, KDF bounds.
 * Accepts the object or its JSON text.
 */
export function parseEnvelope<F extends SlotCarrier & { keyId: string; payload: EncryptedPayload }>(file: unknown, kind: EnvelopeKind<F>): F {
  const { what, format, Damaged } = kind;
  const readable = Object.keys(kind.schemas).map(Number);
  const newest = Math.max(...readable);
  const value = fileValue(file, what, (message, cause) => new Damaged('not-json', message, { cause }));
  const version = checkFormatAndVersion(value, format, readable, {
    damaged: (message) => new Damaged('structure', message),
    unsupported: (found) => new kind.Unsupported(found, 'file', `The ${what} is format version ${found}; this version of the extension reads up to ${newest}. Update the extension.`),
  });
  const parsed = (kind.schemas[version] as z.ZodType<F>).safeParse(value);
  if (!parsed.success) {
    throw new Damaged('structure', `The ${what} file is malformed: ${describeIssues(parsed.error)}`, { cause: parsed.error });
  }
  const envelope = parsed.data;
  decodeBase64Field(envelope.keyId, 'keyId', { exactly: KEY_ID_BYTES });
  checkKeySlots(keySlotsOf(envelope));
  checkPayloadFields(envelope.payload);
  return envelope;
}
