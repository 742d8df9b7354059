import { InvalidAccountError } from '../../otp/errors';
import { parseOtpUri } from '../../otp/uri';
import { isMigrationUri } from '../../migration/uri';
import { mergeMigrationPayloads, type MigrationImport } from '../../migration/merge';
import { EntryCollector, EntryProblem, entryLabel } from '../entries';
import { CutShortError, DamagedFileError } from '../errors';
import { isObject, jsonDepth } from '../json';
import { IMPORT_LIMITS } from '../limits';
import type { ImportResult } from '../result';

/*
 * Line formats: a list of otpauth:// URIs (Aegis, 2FAS, ourselves), Ente Auth's plain
 * export (the same with a `codeDisplay` parameter), and Google Authenticator's
 * otpauth-migration:// links. Each non-blank, non-comment line is an entry.
 */

/** Whether some line of a text is an otpauth or otpauth-migration link. */
export function looksLikeUriList(text: string): boolean {
  return /^[ \t]*otpauth(?:-migration)?:\/\//im.test(text);
}

const ENTE_CODE_DISPLAY = /[?&]codeDisplay=/;

const isOtpauthLine = (line: string): boolean => /^\s*otpauth:\/\//i.test(line);

/** Ente's `codeDisplay` says the entry is in the trash. */
function inEnteTrash(uri: string): boolean {
  const query = uri.split('?')[1] ?? '';
  const raw = new URLSearchParams(query).get('codeDisplay');
  if (raw === null || raw.length > 4096 || jsonDepth(raw) > 8) return false;
  let display: unknown;
  try {
    display = JSON.parse(raw);
  } catch {
    // codeDisplay is display metadata only; unreadable metadata does not make the account unusable.
    return false;
  }
  return isObject(display) && display.trashed === true;
}

/** A label from the URI's path when it can be read, else "line N". */
function lineLabel(line: string, lineNumber: number): string {
  const path = /^otpauth:\/\/[^/]*\/([^?#]*)/i.exec(line)?.[1];
  if (path) {
    try {
      const label = decodeURIComponent(path);
      const colon = label.indexOf(':');
      return colon >= 0 ? entryLabel(label.slice(0, colon), label.slice(colon + 1), `line ${lineNumber}`) : entryLabel('', label, `line ${lineNumber}`);
    } catch {
      // Undecodable label: fall back to the line number below.
    }
  }
  return `line ${lineNumber}`;
}

/**
 * A link whose payload ends early means accounts are missing that nothing else would
 * reveal: the whole import is refused with how many accounts could be read, never
 * passed off as a smaller export.
 */
function refuseCutShort(merged: MigrationImport): void {
  const [first] = merged.cutShort;
  if (first === undefined) return;
  const accountsRead = merged.accounts.length + merged.cutShort.reduce((sum, cut) => sum + cut.accountsRead, 0);
  throw new CutShortError(
    accountsRead,
    `This Google Authenticator export is cut short: the data of QR code ${first.position + 1} ends after ${first.accountsRead} account record(s), before its closing fields. ${accountsRead} account(s) could be read in all; nothing was imported.`,
  );
}

/** Reads a URI list (also Ente Auth's export and Google Authenticator links). */
export function parseUriList(text: string): ImportResult {
  const lines = text.split(/\r\n|\r|\n/);
  const collector = new EntryCollector();
  const migrationLines = lines.filter((line) => isMigrationUri(line)).map((line) => line.trim());
  let migrationDone = false;
  let otpauthLines = 0;
  const ente = lines.some((line) => isOtpauthLine(line) && ENTE_CODE_DISPLAY.test(line));

  lines.forEach((rawLine, i) => {
    const line = rawLine.trim();
    const lineNumber = i + 1;
    if (line === '' || line.startsWith('#')) return;
    if (line.length > IMPORT_LIMITS.maxLineLength) {
      collector.skip(`line ${lineNumber}`, { code: 'too-long', message: `Line ${lineNumber} is longer than ${IMPORT_LIMITS.maxLineLength} characters.` });
      return;
    }
    if (isMigrationUri(line)) {
      // All QR codes of an export are combined at the first one, so their parts come out in batch order.
      if (migrationDone) return;
      migrationDone = true;
      const merged = mergeMigrationPayloads(migrationLines);
      refuseCutShort(merged);
      for (const draft of merged.accounts) collector.addDraft(draft);
      for (const skipped of merged.skipped) collector.skip(skipped.label, skipped.reason);
      for (const warning of merged.warnings) collector.warn(warning);
      return;
    }
    otpauthLines++;
    const label = lineLabel(line, lineNumber);
    collector.add(label, () => {
      if (ente && inEnteTrash(line)) {
        throw new EntryProblem('in-trash', "This entry is in Ente's trash; restore it in Ente first to import it.");
      }
      try {
        return parseOtpUri(line);
      } catch (error) {
        if (error instanceof InvalidAccountError && error.problem === 'not-otpauth') {
          throw new InvalidAccountError('uri', 'not-otpauth', `Line ${lineNumber} is not an otpauth:// link.`, { cause: error });
        }
        throw error;
      }
    });
  });

  const result = collector.result();
  if (otpauthLines === 0 && migrationLines.length > 0 && result.accounts.length === 0 && result.skipped.length > 0 && result.skipped.every((s) => s.reason.code === 'damaged-migration-payload')) {
    throw new DamagedFileError(`No Google Authenticator export link in the text could be read: ${result.skipped[0]?.reason.message ?? ''}`);
  }
  const format = ente ? 'ente-auth' : otpauthLines === 0 && migrationLines.length > 0 ? 'google-authenticator' : 'otpauth-uri-list';
  return { format, encrypted: false, ...result };
}
