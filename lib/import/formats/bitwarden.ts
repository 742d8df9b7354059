import Papa from 'papaparse';
import { EntryCollector, entryLabel } from '../entries';
import { UnsupportedFormatError } from '../errors';
import { entryArray, isObject, optText, type JsonObject } from '../json';
import type { ImportResult } from '../result';
import { totpFieldToDraft } from './totp-field';

/*
 * Bitwarden vault exports, JSON and CSV (docs/import-export-formats.md#bitwarden).
 * Only items with a TOTP field are OTP entries; other logins are not listed.
 */

export function looksLikeBitwardenJson(doc: unknown): doc is JsonObject {
  return isObject(doc) && (('items' in doc && ('folders' in doc || 'encrypted' in doc || 'collections' in doc)) || doc.passwordProtected === true);
}

/** The header row names Bitwarden's `login_totp` column. */
export function looksLikeBitwardenCsv(text: string): boolean {
  const header = text.slice(0, 4096).split(/\r?\n/, 1)[0] ?? '';
  return header.split(',').some((column) => column.trim().replace(/^"|"$/g, '') === 'login_totp');
}

/** Reads a Bitwarden unencrypted JSON export (the parsed document). */
export function parseBitwardenJson(doc: JsonObject): ImportResult {
  if (doc.encrypted === true || doc.passwordProtected === true) {
    throw new UnsupportedFormatError('This Bitwarden export is encrypted, which only Bitwarden can open: export "JSON" (not "JSON (Encrypted)") from Bitwarden instead.');
  }
  const collector = new EntryCollector();
  entryArray(doc.items, 'Bitwarden item list').forEach((item, i) => {
    const login = isObject(item) && isObject(item.login) ? item.login : undefined;
    const totp = login?.totp;
    if (!isObject(item) || login === undefined || typeof totp !== 'string' || totp.trim() === '') return;
    const name = typeof item.name === 'string' ? item.name : '';
    const username = typeof login.username === 'string' ? login.username : '';
    collector.add(entryLabel(name, username, `item ${i + 1}`), () =>
      totpFieldToDraft(totp, { issuer: optText(item, 'name') ?? '', accountName: optText(login, 'username') ?? '' }),
    );
  });
  return { format: 'bitwarden-json', encrypted: false, ...collector.result() };
}

/** A CSV record and the line of the file it starts on (1-based). */
interface CsvRecord {
  cells: unknown[];
  line: number;
}

/**
 * Splits CSV text into records with the line each starts on. A quoted cell may hold line
 * breaks and empty lines are skipped, so a record's index is not its line: the user is told
 * the line their editor shows. papaparse reports where each record ends (`meta.cursor`);
 * the next one starts after any empty lines.
 */
function csvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  let counted = 0; // text[0, counted) has been scanned for line breaks
  const countTo = (end: number): void => {
    for (let i = counted; i < end; i++) if (text.charCodeAt(i) === 10) line++;
    counted = end;
  };
  let start = 0;
  Papa.parse<unknown[]>(text, {
    skipEmptyLines: true,
    step: (row) => {
      // Skip the empty lines papaparse skipped: the record starts at its first other character.
      while (start < text.length && (text[start] === '\r' || text[start] === '\n')) start++;
      countTo(start);
      records.push({ cells: row.data, line });
      start = row.meta.cursor;
    },
  });
  return records;
}

/** Reads a Bitwarden CSV export (personal or organisation columns, found by header name). */
export function parseBitwardenCsv(text: string): ImportResult {
  // Rows as arrays, columns looked up in the header row: papaparse's header mode renames
  // duplicate columns and logs about it, which an untrusted file should not make us do.
  const [headerRecord, ...records] = csvRecords(text);
  const header = headerRecord?.cells ?? [];
  const column = (name: string): number => header.findIndex((cell) => typeof cell === 'string' && cell.trim() === name);
  const [totpColumn, nameColumn, usernameColumn] = [column('login_totp'), column('name'), column('login_username')];
  const cell = (row: unknown[], index: number): string => {
    const value = index >= 0 ? row[index] : undefined;
    return typeof value === 'string' ? value : '';
  };
  const collector = new EntryCollector();
  for (const { cells: row, line } of records) {
    if (row.length !== header.length) {
      // A missing or extra comma shifts every later cell: reading it would take the wrong column as the secret.
      collector.skip(`line ${line}`, { code: 'malformed', message: `Line ${line} has ${row.length} fields; the header has ${header.length}.` });
      continue;
    }
    const totp = cell(row, totpColumn);
    if (totp.trim() === '') continue;
    const name = cell(row, nameColumn);
    const username = cell(row, usernameColumn);
    collector.add(entryLabel(name, username, `line ${line}`), () => totpFieldToDraft(totp, { issuer: name, accountName: username }));
  }
  return { format: 'bitwarden-csv', encrypted: false, ...collector.result() };
}
