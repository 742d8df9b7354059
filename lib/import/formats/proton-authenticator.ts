import { EntryCollector, entryLabel } from '../entries';
import { UnsupportedFormatError } from '../errors';
import { asEntryObject, entryArray, isObject, object, optText, text, type JsonObject } from '../json';
import type { ImportResult } from '../result';
import { totpFieldToDraft } from './totp-field';

/* Proton Authenticator JSON export (docs/import-export-formats.md#proton-authenticator). */

export function looksLikeProtonAuthenticator(doc: unknown): doc is JsonObject {
  if (!isObject(doc) || 'header' in doc) return false;
  if (Array.isArray(doc.entries)) return doc.entries.length === 0 || doc.entries.some((entry) => isObject(entry) && isObject(entry.content));
  // The password-protected variant: version, salt and an encrypted content string.
  return 'version' in doc && typeof doc.salt === 'string' && typeof doc.content === 'string';
}

/** Reads a Proton Authenticator export (the parsed JSON document). */
export function parseProtonAuthenticator(doc: JsonObject): ImportResult {
  if (!Array.isArray(doc.entries)) {
    throw new UnsupportedFormatError('This Proton Authenticator export is password-protected, which is not read yet: export it without a password.');
  }
  const collector = new EntryCollector();
  entryArray(doc.entries, 'Proton Authenticator entry list').forEach((value, i) => {
    const content = isObject(value) && isObject(value.content) ? value.content : {};
    collector.add(entryLabel('', content.name, `entry ${i + 1}`), () => {
      const entryContent = object(asEntryObject(value), 'content');
      const name = optText(entryContent, 'name') ?? '';
      const draft = totpFieldToDraft(text(entryContent, 'uri'), { issuer: '', accountName: name });
      // The entry's name is the one the user sees (and may have edited); the link's label is the fallback.
      return name.trim() !== '' ? { ...draft, accountName: name } : draft;
    });
  });
  return { format: 'proton-authenticator', encrypted: false, ...collector.result() };
}
