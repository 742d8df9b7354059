import { secretFromBytes } from '../../otp/secret';
import { EntryCollector, EntryProblem, entryLabel } from '../entries';
import { decodeBase64 } from '../encoding';
import { DamagedFileError, ImportLimitError } from '../errors';
import { asEntryObject, isObject, optText, text, type JsonObject } from '../json';
import { IMPORT_LIMITS } from '../limits';
import type { ImportResult } from '../result';
import { STEAM_ISSUER } from './totp-field';

/* Steam maFile (SDA, steamguard-cli) and the Steam app's own file (docs/import-export-formats.md#steam-mafile). */

const isMaFile = (value: unknown): boolean => isObject(value) && 'shared_secret' in value;

export function looksLikeSteam(doc: unknown): doc is JsonObject {
  return isMaFile(doc) || (isObject(doc) && isObject(doc.accounts) && Object.values(doc.accounts).some(isMaFile));
}

/** Reads one maFile, or the Steam app's `{ accounts: { id: maFile } }` (the parsed JSON document). */
export function parseSteam(doc: JsonObject): ImportResult {
  let files: unknown[];
  if (isMaFile(doc)) files = [doc];
  else if (isObject(doc.accounts)) files = Object.values(doc.accounts);
  else throw new DamagedFileError('The Steam file has no accounts.');
  if (files.length > IMPORT_LIMITS.maxEntries) throw new ImportLimitError(`The Steam file has more than ${IMPORT_LIMITS.maxEntries} accounts.`);
  const collector = new EntryCollector();
  files.forEach((value, i) => {
    const raw = isObject(value) ? value : {};
    collector.add(entryLabel(STEAM_ISSUER, raw.account_name, `account ${i + 1}`), () => {
      const maFile = asEntryObject(value);
      const bytes = decodeBase64(text(maFile, 'shared_secret'));
      if (bytes === undefined || bytes.length === 0) throw new EntryProblem('secret/invalid-base64', 'The shared_secret is not base64.');
      return { type: 'steam', issuer: STEAM_ISSUER, accountName: optText(maFile, 'account_name'), secret: secretFromBytes(bytes) };
    });
  });
  return { format: 'steam', encrypted: false, ...collector.result() };
}
