import { secretBytes } from '../otp/secret';
import { describeKeys, looksLikeXml, readPreferences } from './android-preferences';
import { decodeUtf8, encodeUtf8, guessLegacyText } from './encoding';
import { ImportLimitError, UnsupportedFormatError } from './errors';
import { looksLikeAegis, parseAegis } from './formats/aegis';
import { looksLikeAndOtp, looksLikeAndOtpEncrypted, mayBeAndOtpOld, parseAndOtpEncrypted, parseAndOtpOld, parseAndOtpPlain } from './formats/andotp';
import { looksLikeZip, parseAuthenticatorPlus } from './formats/authenticator-plus';
import { isAuthyPreferences, parseAuthy } from './formats/authy';
import { isBattleNetPreferences, parseBattleNet } from './formats/battle-net';
import { looksLikeBitwardenCsv, looksLikeBitwardenJson, parseBitwardenCsv, parseBitwardenJson } from './formats/bitwarden';
import { looksLikeDuo, parseDuo } from './formats/duo';
import { isFreeOtpPreferences, parseFreeOtpTokens } from './formats/freeotp';
import { parseFreeOtpBackup } from './formats/freeotp-backup';
import { looksLikeFreeOtpPlus, parseFreeOtpPlus } from './formats/freeotp-plus';
import { looksLikeSqlite, parseMicrosoftAuthenticator } from './formats/microsoft-authenticator';
import { looksLikeUriList, parseUriList } from './formats/otpauth-list';
import { looksLikeProtonAuthenticator, parseProtonAuthenticator } from './formats/proton-authenticator';
import { looksLikeSteam, parseSteam } from './formats/steam';
import { looksLikeStratum, parseStratum, parseStratumEncrypted, stratumEncryption } from './formats/stratum';
import { looksLikeTotpAuthenticator, parseTotpAuthenticator } from './formats/totp-authenticator';
import { looksLikeTwoFas, parseTwoFas } from './formats/two-fas';
import { looksLikeJavaSerialization } from './java-serialization';
import { isObject, parseJson } from './json';
import { IMPORT_LIMITS } from './limits';
import { ImportResult, type ImportFormat, type ImportWarning } from './result';
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
  if (looksLikeStratum(doc)) return parseStratum(doc);
  if (looksLikeDuo(doc)) return parseDuo(doc);
  if (looksLikeAndOtp(doc)) return parseAndOtpPlain(doc);
  const seen = isObject(doc)
    ? `an object with the keys ${Object.keys(doc).slice(0, 8).map((key) => JSON.stringify(key.slice(0, 30))).join(', ') || '(none)'}`
    : Array.isArray(doc)
      ? 'a list whose items are not andOTP accounts'
      : `a bare ${typeof doc}`;
  throw new UnsupportedFormatError(`This JSON file is not an export we know${nameHint(file)}: it holds ${seen}.`);
}

/** An Android preferences file: Authy, FreeOTP or Battle.net, by the keys it holds. */
function readPreferencesDocument(xml: string, file: ImportFileView, password: string | undefined): Promise<ImportResult> | ImportResult {
  const preferences = readPreferences(xml);
  if (isAuthyPreferences(preferences)) return parseAuthy(preferences, password);
  if (isBattleNetPreferences(preferences)) return parseBattleNet(preferences);
  if (isFreeOtpPreferences(preferences)) return parseFreeOtpTokens(preferences);
  throw new UnsupportedFormatError(`This Android preferences file is not an export we know${nameHint(file)}: it holds ${describeKeys(preferences)}.`);
}

/** The text formats, by their first characters and shape. */
function readText(text: string, file: ImportFileView, password: string | undefined): Promise<ImportResult> | ImportResult {
  const trimmed = text.trim();
  if (trimmed === '') throw new UnsupportedFormatError(`The file is empty${nameHint(file)}.`);
  if (looksLikeXml(trimmed)) return readPreferencesDocument(trimmed, file, password);
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    return readJsonDocument(parseJson(trimmed, `JSON file${nameHint(file)}`), file, password);
  }
  if (looksLikeBitwardenCsv(trimmed)) return parseBitwardenCsv(trimmed);
  if (looksLikeUriList(trimmed)) return parseUriList(trimmed);
  if (looksLikeTotpAuthenticator(trimmed)) return parseTotpAuthenticator(trimmed, password);
  throw new UnsupportedFormatError(`This text is not an export we know${nameHint(file)}: it starts with ${preview(trimmed)}.`);
}

/** Text that is not UTF-8: read in the encoding it most likely has, and say so. */
async function readLegacyText(file: ImportFileView, password: string | undefined): Promise<ImportResult | undefined> {
  const legacy = guessLegacyText(file.bytes);
  if (legacy === undefined) return undefined;
  const notice = `This file is not UTF-8 text; it was read as ${legacy.encoding}. Check the names of the imported accounts (re-save the file as UTF-8 if they look wrong).`;
  try {
    const result = await readText(legacy.text, file, password);
    return { ...result, warnings: [{ code: 'not-utf8', message: notice, label: legacy.encoding }, ...result.warnings] };
  } catch (error) {
    if (error instanceof UnsupportedFormatError) {
      throw new UnsupportedFormatError(`This file is not UTF-8 text (it looks like ${legacy.encoding}) and, read that way, ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`, { cause: error });
    }
    throw error;
  }
}

/** Binary formats recognised by their first bytes. */
function readBinary(file: ImportFileView, options: ImportOptions): Promise<ImportResult> | undefined {
  const { bytes } = file;
  if (looksLikeSqlite(bytes)) return parseMicrosoftAuthenticator(bytes, options.sqlite);
  if (looksLikeZip(bytes)) return parseAuthenticatorPlus(bytes, options.password);
  if (looksLikeJavaSerialization(bytes)) return parseFreeOtpBackup(bytes, options.password);
  if (stratumEncryption(bytes) !== undefined) return parseStratumEncrypted(bytes, options.password);
  return undefined;
}

/** Secrets under 80 bits (RFC 4226 asks for at least 128, requires 128 … 160 is recommended): imported, with a warning each. */
const MIN_SECRET_BYTES = 10;

function shortSecretWarnings(result: ImportResult): ImportWarning[] {
  return result.accounts.flatMap((account) => {
    const length = secretBytes(account.secret).length;
    if (length >= MIN_SECRET_BYTES) return [];
    const label = account.issuer && account.accountName ? `${account.issuer}: ${account.accountName}` : account.issuer || account.accountName;
    return [{ code: 'short-secret', label, message: `${label}: its secret is only ${length} bytes (${length * 8} bits); RFC 4226 requires at least 16. Codes work, but the site should be asked for a new secret.` }];
  });
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
  const result = await readAny(file, options);
  return { ...result, warnings: [...result.warnings, ...shortSecretWarnings(result)] };
}

async function readAny(file: ImportFileView, options: ImportOptions): Promise<ImportResult> {
  const binary = readBinary(file, options);
  if (binary !== undefined) return binary;
  if (file.text !== undefined) return readText(file.text, file, options.password);
  if (looksLikeAndOtpEncrypted(file.bytes)) return parseAndOtpEncrypted(file.bytes, options.password);
  const legacy = await readLegacyText(file, options.password);
  if (legacy !== undefined) return legacy;
  // Old andOTP backups have no header: any other binary of their size may be one.
  if (mayBeAndOtpOld(file.bytes)) return parseAndOtpOld(file.bytes, options.password);
  const head = Array.from(file.bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
  throw new UnsupportedFormatError(`This is binary data that is not an export we know${nameHint(file)} (it starts with the bytes ${head}).`);
}
