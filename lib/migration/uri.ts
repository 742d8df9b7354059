import { decodeBase64Lenient, encodeBase64 } from '../import/encoding';
import { InvalidMigrationPayloadError } from './errors';
import { decodeMigrationPayload, encodeMigrationPayload } from './payload';
import type { MigrationPayload } from './schema';

const MIGRATION_URI = /^otpauth-migration:\/\/offline\/?\?(.*)$/is;

/** Whether a text is an `otpauth-migration://` link (not whether it is a valid one). */
export function isMigrationUri(text: string): boolean {
  return /^otpauth-migration:\/\//i.test(text.trim());
}

/**
 * Decodes an `otpauth-migration://offline?data=…` link (one QR code of a Google
 * Authenticator export). Throws InvalidMigrationPayloadError naming what is wrong.
 */
export function parseMigrationUri(uri: string): MigrationPayload {
  const match = MIGRATION_URI.exec(uri.trim());
  if (!match) {
    throw new InvalidMigrationPayloadError('This is not a Google Authenticator export link: expected otpauth-migration://offline?data=…');
  }
  const data = new URLSearchParams(match[1]).getAll('data');
  if (data.length !== 1 || data[0] === undefined || data[0] === '') {
    throw new InvalidMigrationPayloadError("The export link needs exactly one 'data' parameter.");
  }
  // A '+' left unencoded in the link reads back as a space (form encoding): put it back.
  const bytes = dataBytes(data[0].replace(/ /g, '+'));
  if (bytes === undefined) throw new InvalidMigrationPayloadError("The export link's 'data' parameter is not base64.");
  return decodeMigrationPayload(bytes);
}

/**
 * The bytes of the `data` parameter. A link cut in the middle of a base64 group or a
 * percent escape keeps its whole bytes, so the payload decoder reports it as cut short
 * (with the accounts before the cut) instead of as "not base64". Only a cut tail is dropped:
 * the bytes kept are exactly the link's.
 */
function dataBytes(data: string): Uint8Array | undefined {
  const whole = decodeBase64Lenient(data);
  if (whole !== undefined) return whole;
  const cut = data.replace(/%[0-9A-Fa-f]?$/, '').replace(/=+$/, '');
  return decodeBase64Lenient(cut.length % 4 === 1 ? cut.slice(0, -1) : cut);
}

/** The `otpauth-migration://offline?data=…` link of a payload (base64, percent-encoded as Google does). */
export function formatMigrationUri(payload: MigrationPayload): string {
  return `otpauth-migration://offline?data=${encodeURIComponent(encodeBase64(encodeMigrationPayload(payload)))}`;
}
