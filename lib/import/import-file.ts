import { decodeUtf8, encodeUtf8 } from './encoding';
import { ImportLimitError, UnsupportedFormatError } from './errors';
import { looksLikeAegis, parseAegis } from './formats/aegis';
import { looksLikeAndOtp, looksLikeAndOtpEncrypted, parseAndOtpEncrypted, parseAndOtpPlain } from './formats/andotp';
import { looksLikeXml, parseAuthy } from './formats/authy';
import { looksLikeBitwardenCsv, looksLikeBitwardenJson, parseBitwardenCsv, parseBitwardenJson } from './formats/bitwarden';
import { looksLikeFreeOtpPlus, parseFreeOtpPlus } from './formats/freeotp-plus';
import { looksLikeSqlite, parseMicrosoftAuthenticator } from './formats/microsoft-authenticator';
import { looksLikeUriList, parseUriList } from './formats/otpauth-list';
import { looksLikeProtonAuthenticator, parseProtonAuthenticator } from './formats/proton-authenticator';
import { looksLikeSteam, parseSteam } from './formats/steam';
import { looksLikeTwoFas, parseTwoFas } from './formats/two-fas';
import { isObject, parseJson } from './json';
import { IMPORT_LIMITS } from './limits';
import { ImportResult, type ImportFormat } from './result';
import type { SqliteEngine } from './sqlite-engine';

/** A file as chosen by the user (bytes, with its name as a hint only) or pasted text. */
export type ImportInput = { name?: string; bytes: Uint8Array } | { text: string };

/** The input as parsers see it: the bytes, and the text when the bytes are UTF-8. */
export interface ImportFileView {
  name: string | undefined;
  bytes: Uint8Array;
  /** UTF-8 text without a byte-order mark; `undefined` for binary data. */
  text: string | undefined;
}

/**
 * A reader for a format not built in (the seam for Hikae's own encrypted export,
 * read by lib/vault). Plugged-in parsers are asked before the built-in detection.
 */
export interface FormatParser {
  format: ImportFormat;
  /** Cheap, by content: true when this parser should read the file. */
  detect(file: ImportFileView): boolean;
  /** Throws the errors of ./errors.ts, like the built-in parsers. */
  parse(file: ImportFileView, options: ImportOptions): Promise<ImportResult>;
}

export interface ImportOptions {
  /** The export's password, for encrypted files; ignored for plain ones. */
  password?: string;
  /** SQLite engine (see createSqliteEngine), needed for Microsoft Authenticator databases only. */
  sqlite?: SqliteEngine;
  /** Extra format readers, tried first. */
  parsers?: readonly FormatParser[];
}

function view(input: ImportInput): ImportFileView {
  if ('text' in input) {
    if (input.text.length > IMPORT_LIMITS.maxInputSize) throw tooLarge();
    const text = input.text.replace(/^\uFEFF/, '');
    return { name: undefined, bytes: encodeUtf8(text), text };
  }
  if (input.bytes.length > IMPORT_LIMITS.maxInputSize) throw tooLarge();
  const text = decodeUtf8(input.bytes);
  // NUL never occurs in the text formats; its presence means binary data that happened to be valid UTF-8.
  return { name: input.name, bytes: input.bytes, text: text !== undefined && !text.includes('\0') ? text : undefined };
}

const tooLarge = (): ImportLimitError =>
  new ImportLimitError(`The file is larger than ${IMPORT_LIMITS.maxInputSize / 1024 / 1024} MiB; no authenticator export is that big.`);

const nameHint = (file: ImportFileView): string => (file.name ? ` (file "${file.name.slice(0, 80)}")` : '');

/** Printable start of a text for error messages. */
const preview = (text: string): string => JSON.stringify(text.slice(0, 40).replace(/[^\x20-\x7e]/g, '?'));

function readJsonDocument(doc: unknown, file: ImportFileView, password: string | undefined): Promise<ImportResult> | ImportResult {
  if (looksLikeAegis(doc)) return parseAegis(doc, password);
  if (looksLikeTwoFas(doc)) return parseTwoFas(doc, password);
  if (looksLikeBitwardenJson(doc)) return parseBitwardenJson(doc);
  if (looksLikeFreeOtpPlus(doc)) return parseFreeOtpPlus(doc);
  if (looksLikeSteam(doc)) return parseSteam(doc);
  if (looksLikeProtonAuthenticator(doc)) return parseProtonAuthenticator(doc);
  if (looksLikeAndOtp(doc)) return parseAndOtpPlain(doc);
  const seen = isObject(doc)
    ? `an object with the keys ${Object.keys(doc).slice(0, 8).map((key) => JSON.stringify(key.slice(0, 30))).join(', ') || '(none)'}`
    : Array.isArray(doc)
      ? 'a list whose items are not andOTP accounts'
      : `a bare ${typeof doc}`;
  throw new UnsupportedFormatError(`This JSON file is not an export we know${nameHint(file)}: it holds ${seen}.`);
}

/**
 * Reads an export of another authenticator (or a list of otpauth links) into
 * validated account drafts. The format is detected from the content.
 *
 * Entry problems are reported in `skipped`; whole-file failures throw
 * PasswordRequiredError, WrongPasswordError, UnsupportedFormatError,
 * DamagedFileError, ImportLimitError or SqliteEngineMissingError (all ImportError).
 * Formats and field mapping: docs/import-export-formats.md.
 */
export async function importFile(input: ImportInput, options: ImportOptions = {}): Promise<ImportResult> {
  const file = view(input);
  for (const parser of options.parsers ?? []) {
    // A plugged-in parser's result crosses the same boundary as ours: hold it to the schema.
    if (parser.detect(file)) return ImportResult.parse(await parser.parse(file, options));
  }
  if (looksLikeSqlite(file.bytes)) return parseMicrosoftAuthenticator(file.bytes, options.sqlite);

  const text = file.text;
  if (text === undefined) {
    if (looksLikeAndOtpEncrypted(file.bytes)) return parseAndOtpEncrypted(file.bytes, options.password);
    const head = Array.from(file.bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new UnsupportedFormatError(`This is binary data that is not an export we know${nameHint(file)} (it starts with the bytes ${head}).`);
  }
  const trimmed = text.trim();
  if (trimmed === '') throw new UnsupportedFormatError(`The file is empty${nameHint(file)}.`);
  if (looksLikeXml(trimmed)) return parseAuthy(trimmed);
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    return readJsonDocument(parseJson(trimmed, `JSON file${nameHint(file)}`), file, options.password);
  }
  if (looksLikeBitwardenCsv(trimmed)) return parseBitwardenCsv(trimmed);
  if (looksLikeUriList(trimmed)) return parseUriList(trimmed);
  throw new UnsupportedFormatError(`This text is not an export we know${nameHint(file)}: it starts with ${preview(trimmed)}.`);
}
