import { openBackup, parseBackupFile } from '../backup';
// The backup's damage and version errors are subclasses of these (lib/backup/errors.ts).
import { VaultDamagedError, UnsupportedVaultVersionError, WrongPasswordError as VaultWrongPasswordError } from '../vault/errors';
import { EntryCollector, EntryProblem, entryLabel } from './entries';
import { DamagedFileError, PasswordRequiredError, UnsupportedFormatError, WrongPasswordError } from './errors';
import type { FormatParser, ImportFileView } from './import-file';
import { parseJson } from './json';

/*
 * Hikae's own encrypted export, which is the backup file format
 * (docs/backup-format.md), read through importFile's `parsers` seam
 * (docs/transfer.md#import). Not part of the built-in detection so that
 * lib/import does not depend on lib/backup: the background plugs it in.
 */

// Our writer puts `format` first; any JSON whose start names the backup format is ours to read.
const FORMAT_NEAR_START = /"format"\s*:\s*"hikae-backup"/;

function looksLikeHikaeBackup(file: ImportFileView): boolean {
  return file.text !== undefined && file.text.trimStart().startsWith('{') && FORMAT_NEAR_START.test(file.text.slice(0, 4096));
}

/** The backup's errors as the importer's, so the page sees one set of import failures. */
function asImportError(error: unknown): unknown {
  if (error instanceof VaultWrongPasswordError) {
    return new WrongPasswordError('The password does not open this Hikae export.', { cause: error });
  }
  if (error instanceof UnsupportedVaultVersionError) {
    return new UnsupportedFormatError(`This Hikae export was written by a newer version of the extension: ${error.message}`, { cause: error });
  }
  if (error instanceof VaultDamagedError) {
    return new DamagedFileError(`This Hikae export is damaged: ${error.message}`, { cause: error });
  }
  return error;
}

/**
 * Reads Hikae's encrypted export (and a backup file downloaded by hand): opens it
 * with the password (Argon2id, ~0.3 s) and returns its accounts in the file's order.
 * Accounts without a secret (device-bound where exported) are skipped as `no-secret`.
 * Ids, timestamps, settings and tombstones are not imported.
 */
export const hikaeBackupParser: FormatParser = {
  format: 'hikae-encrypted',
  detect: looksLikeHikaeBackup,
  async parse(file, options) {
    const doc = parseJson(file.text ?? '', 'Hikae export');
    let contents;
    try {
      const backup = parseBackupFile(doc);
      if (options.password === undefined || options.password === '') throw new PasswordRequiredError('Hikae');
      ({ contents } = await openBackup(backup, options.password));
    } catch (error) {
      throw asImportError(error);
    }
    const collector = new EntryCollector();
    contents.accounts.forEach((account, position) => {
      collector.add(entryLabel(account.issuer, account.accountName, `entry ${position + 1}`), () => {
        if (account.secret === undefined) {
          throw new EntryProblem(
            'no-secret',
            account.deviceBound === true
              ? 'This account is device-bound: its secret stayed on the device that exported it.'
              : 'This account had no secret yet on the device that exported it.',
          );
        }
        return {
          issuer: account.issuer,
          accountName: account.accountName,
          secret: account.secret,
          type: account.type,
          algorithm: account.algorithm,
          digits: account.digits,
          period: account.period,
          counter: account.counter,
          ...(account.sites === undefined ? {} : { sites: account.sites }),
          ...(account.siteMatch === undefined ? {} : { siteMatch: account.siteMatch }),
          ...(account.deviceBound === undefined ? {} : { deviceBound: account.deviceBound }),
        };
      });
    });
    return { format: 'hikae-encrypted', encrypted: true, ...collector.result() };
  },
};
