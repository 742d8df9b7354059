import { EntryCollector, EntryProblem, entryLabel } from '../entries';
import { asEntryObject, entryArray, isObject, object, optNumber, optText, text } from '../json';
import type { ImportResult } from '../result';

/* Duo Mobile's account list from a rooted device (docs/import-export-formats.md#duo-mobile-duojson-rooted-device). */

/** A JSON array whose items carry Duo's `otpGenerator`. */
export function looksLikeDuo(doc: unknown): doc is unknown[] {
  return Array.isArray(doc) && doc.length > 0 && doc.some((entry) => isObject(entry) && isObject(entry.otpGenerator));
}

/** Reads Duo Mobile's `duo.json` (the parsed JSON array). */
export function parseDuo(doc: unknown[]): ImportResult {
  const collector = new EntryCollector();
  entryArray(doc, 'Duo account list').forEach((value, i) => {
    const raw = isObject(value) ? value : {};
    collector.add(entryLabel('', raw.name, `account ${i + 1}`), () => {
      const account = asEntryObject(value);
      const kind = optText(account, 'accountType') ?? 'OtpAccount';
      if (kind !== 'OtpAccount') throw new EntryProblem('unsupported-type', `Duo "${kind.slice(0, 30)}" accounts sign in with push notifications; they have no code to import.`);
      const generator = object(account, 'otpGenerator');
      const counter = optNumber(generator, 'counter');
      // Duo keeps a display name only: no issuer, and always SHA1, 6 digits, 30 s.
      return {
        type: counter === undefined ? 'totp' : 'hotp',
        issuer: '',
        accountName: optText(account, 'name'),
        secret: text(generator, 'otpSecret'),
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter,
      };
    });
  });
  return { format: 'duo', encrypted: false, ...collector.result() };
}
