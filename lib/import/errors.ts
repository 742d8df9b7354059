/*
 * Whole-file import failures. Each distinct problem has its own class (a wrong
 * password is not a damaged file), all under ImportError so a caller can map any of
 * them to a typed result by `code`. Problems with a single entry are never thrown:
 * they become `skipped` entries of the ImportResult.
 */

/** Stable codes of whole-file import failures; the UI translates these. */
export type ImportErrorCode =
  | 'password-required'
  | 'wrong-password'
  | 'unsupported-format'
  | 'damaged-file'
  | 'limit-exceeded'
  | 'cut-short'
  | 'sqlite-engine-missing';

/** Base of every error `importFile` throws. */
export abstract class ImportError extends Error {
  abstract readonly code: ImportErrorCode;
}

/** The file is encrypted and no password was given. */
export class PasswordRequiredError extends ImportError {
  override readonly name = 'PasswordRequiredError';
  readonly code = 'password-required';
  /**
   * @param formatLabel the app whose encrypted export this is, e.g. "Aegis"
   * @param message when the format is only a guess (old andOTP files have no header)
   */
  constructor(readonly formatLabel: string, message?: string) {
    super(message ?? `This ${formatLabel} export is encrypted: enter the password it was exported with.`);
  }

  /** True when nothing in the file names its format: the password is asked for on a guess. */
  get formatGuessed(): boolean {
    return this.message !== `This ${this.formatLabel} export is encrypted: enter the password it was exported with.`;
  }
}

/** The password does not open the file. */
export class WrongPasswordError extends ImportError {
  override readonly name = 'WrongPasswordError';
  readonly code = 'wrong-password';
}

/** Not a format we know, or a variant of one we don't read; the message names what was seen. */
export class UnsupportedFormatError extends ImportError {
  override readonly name = 'UnsupportedFormatError';
  readonly code = 'unsupported-format';
}

/** The format is recognised but its structure is broken. */
export class DamagedFileError extends ImportError {
  override readonly name = 'DamagedFileError';
  readonly code = 'damaged-file';
}

/**
 * The file ends before its format's closing fields (a Google Authenticator migration
 * payload without its `version`/`batch_size`): accounts are missing, so none are imported.
 * `accountsRead` says how many could be read before the end.
 */
export class CutShortError extends ImportError {
  override readonly name = 'CutShortError';
  readonly code = 'cut-short';
  constructor(readonly accountsRead: number, message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/** A safety limit for untrusted files was crossed (size, entries, nesting, KDF cost). */
export class ImportLimitError extends ImportError {
  override readonly name = 'ImportLimitError';
  readonly code = 'limit-exceeded';
}

/** A SQLite database was given but the caller did not inject the SQLite engine. */
export class SqliteEngineMissingError extends ImportError {
  override readonly name = 'SqliteEngineMissingError';
  readonly code = 'sqlite-engine-missing';
  constructor() {
    super('Reading a SQLite database needs the SQLite engine: pass `sqlite: createSqliteEngine(…)` in the import options.');
  }
}
