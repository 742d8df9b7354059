import * as zip from '@zip.js/zip.js';
import { DamagedFileError, ImportLimitError, PasswordRequiredError, UnsupportedFormatError, WrongPasswordError } from '../errors';
import { decodeUtf8 } from '../encoding';
import { IMPORT_LIMITS } from '../limits';
import type { ImportResult } from '../result';
import { parseUriList } from './otpauth-list';

/*
 * Authenticator Plus: a password-protected zip holding `Accounts.txt`, a URI list
 * (docs/import-export-formats.md#authenticator-plus-db-export-zip). zip.js is loaded
 * only when a zip arrives, so nothing else pays for it.
 */

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const ACCOUNTS_FILE = 'accounts.txt';

export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && ZIP_MAGIC.every((byte, i) => bytes[i] === byte);
}

/** A sink that refuses more than `limit` bytes, whatever the entry's header claims. */
function boundedSink(limit: number): { stream: WritableStream<Uint8Array>; bytes(): Uint8Array } {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stream = new WritableStream<Uint8Array>({
    write(chunk) {
      total += chunk.length;
      if (total > limit) throw new ImportLimitError(`The account list in the zip inflates past ${limit / 1024 / 1024} MiB.`);
      chunks.push(chunk);
    },
  });
  return {
    stream,
    bytes() {
      const out = new Uint8Array(total);
      let at = 0;
      for (const chunk of chunks) out.set(chunk, (at += chunk.length) - chunk.length);
      return out;
    },
  };
}

/** Reads an Authenticator Plus export (a zip, usually encrypted). */
export async function parseAuthenticatorPlus(bytes: Uint8Array, password: string | undefined): Promise<ImportResult> {
  // No workers (a service worker cannot start them) and no WebAssembly fetch: the platform's DecompressionStream inflates.
  zip.configure({ useWebWorkers: false, useCompressionStream: true });
  const reader = new zip.ZipReader(new zip.Uint8ArrayReader(bytes), { checkSignature: true });
  try {
    let entries: Awaited<ReturnType<typeof reader.getEntries>>;
    try {
      entries = await reader.getEntries({ filenameEncoding: 'utf-8' });
    } catch (cause) {
      throw new DamagedFileError(`The zip file cannot be read: ${(cause as Error).message}`, { cause });
    }
    if (entries.length > IMPORT_LIMITS.maxZipEntries) throw new ImportLimitError(`The zip holds ${entries.length} files; at most ${IMPORT_LIMITS.maxZipEntries} are looked at.`);
    const files = entries.filter((entry) => !entry.directory);
    const texts = files.filter((entry) => entry.filename.toLowerCase().endsWith('.txt'));
    const entry = files.find((e) => e.filename.split('/').pop()?.toLowerCase() === ACCOUNTS_FILE) ?? (texts.length === 1 ? texts[0] : undefined);
    if (entry === undefined) {
      const names = files.slice(0, 5).map((e) => JSON.stringify(e.filename.slice(0, 40))).join(', ');
      throw new UnsupportedFormatError(`This zip file is not an export we know: it has no Accounts.txt (it holds ${names || 'no files'}).`);
    }
    if (entry.encrypted && (password === undefined || password === '')) throw new PasswordRequiredError('Authenticator Plus');
    const sink = boundedSink(IMPORT_LIMITS.maxZipEntryBytes);
    try {
      await entry.getData(sink.stream, { ...(entry.encrypted ? { password } : {}), checkSignature: true, useWebWorkers: false });
    } catch (cause) {
      if (cause instanceof ImportLimitError) throw cause;
      const message = (cause as Error).message;
      if (message === zip.ERR_INVALID_PASSWORD) throw new WrongPasswordError('The password does not open this Authenticator Plus export.', { cause });
      if (entry.encrypted && (message === zip.ERR_INVALID_CRC32 || message === zip.ERR_INVALID_AUTHENTICATION_CODE || message === zip.ERR_INVALID_COMPRESSED_DATA)) {
        // ZipCrypto checks only one byte of the password: 1 in 256 wrong ones pass, then inflate or the CRC fails.
        throw new WrongPasswordError('The password does not open this Authenticator Plus export (or the file is damaged).', { cause });
      }
      throw new DamagedFileError(`The zip file is damaged: ${message}`, { cause });
    }
    const text = decodeUtf8(sink.bytes());
    if (text === undefined) throw new DamagedFileError('The account list in the zip is not UTF-8 text.');
    return { ...parseUriList(text), format: 'authenticator-plus', encrypted: entry.encrypted };
  } finally {
    await reader.close().catch(() => undefined);
  }
}
