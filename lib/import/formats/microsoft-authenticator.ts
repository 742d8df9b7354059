import type { Database, SqlValue } from 'sql.js';
import { secretFromBytes } from '../../otp/secret';
import { EntryCollector, EntryProblem, entryLabel } from '../entries';
import { decodeBase64 } from '../encoding';
import { DamagedFileError, ImportError, ImportLimitError, SqliteEngineMissingError, UnsupportedFormatError } from '../errors';
import { IMPORT_LIMITS } from '../limits';
import type { ImportResult } from '../result';
import type { SqliteEngine } from '../sqlite-engine';

/* Microsoft Authenticator's `PhoneFactor` database from a rooted device (docs/import-export-formats.md#microsoft-authenticator). */

const SQLITE_MAGIC = 'SQLite format 3\0';
const ACCOUNT_TYPE = { totp: 0, microsoft: 1 } as const;
const REQUIRED_COLUMNS = ['name', 'username', 'oath_secret_key', 'account_type'] as const;

export function looksLikeSqlite(bytes: Uint8Array): boolean {
  return bytes.length >= 100 && String.fromCharCode(...bytes.subarray(0, 16)) === SQLITE_MAGIC;
}

/** Runs a query and returns all rows (the callers' queries are bounded by LIMIT). */
function rows(db: Database, sql: string): SqlValue[][] {
  return db.exec(sql).flatMap((result) => result.values);
}

/**
 * Checks that `accounts` is a plain table: a view, virtual table, generated column or
 * computed default could run arbitrary (and arbitrarily slow) SQL when read.
 */
function checkSchema(db: Database): { order: string } {
  const [definition] = rows(db, "SELECT type, sql FROM sqlite_master WHERE name = 'accounts' LIMIT 1");
  if (definition === undefined) {
    const tables = rows(db, "SELECT name FROM sqlite_master WHERE type = 'table' LIMIT 10").map((row) => String(row[0]).slice(0, 40));
    // The only database we read is Microsoft Authenticator's; any other is simply not an export we know.
    throw new UnsupportedFormatError(`This SQLite database is not an export we know: it has no "accounts" table (tables: ${tables.join(', ') || 'none'}).`);
  }
  const [type, sql] = definition;
  if (type !== 'table' || typeof sql !== 'string' || /\bVIRTUAL\b|\bGENERATED\b|\bAS\s*\(|\bDEFAULT\s*\(/i.test(sql)) {
    throw new UnsupportedFormatError('This SQLite database is not an export we know: its "accounts" is not a plain table.');
  }
  const columns = new Set(rows(db, "SELECT name FROM pragma_table_info('accounts') LIMIT 200").map((row) => String(row[0])));
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.has(column));
  if (missing.length > 0) {
    throw new UnsupportedFormatError(`This SQLite database is not an export we know: its "accounts" table lacks the columns ${missing.join(', ')} of Microsoft Authenticator's.`);
  }
  const order = [columns.has('ux_position') ? 'ux_position' : '', columns.has('_id') ? '_id' : 'rowid'].filter(Boolean).join(', ');
  return { order };
}

function readAccounts(db: Database): ImportResult {
  db.exec('PRAGMA query_only = ON; PRAGMA trusted_schema = OFF;');
  const { order } = checkSchema(db);
  const [count] = rows(db, 'SELECT count(*) FROM accounts');
  if (typeof count?.[0] === 'number' && count[0] > IMPORT_LIMITS.maxEntries) {
    throw new ImportLimitError(`The database has ${count[0]} accounts; at most ${IMPORT_LIMITS.maxEntries} are read.`);
  }
  const collector = new EntryCollector();
  const result = rows(db, `SELECT name, username, oath_secret_key, account_type FROM accounts ORDER BY ${order} LIMIT ${IMPORT_LIMITS.maxEntries}`);
  result.forEach(([issuer, username, secret, accountType], i) => {
    collector.add(entryLabel(issuer, username, `row ${i + 1}`), () => {
      if (typeof secret !== 'string') throw new EntryProblem('secret/required', 'The secret is missing.');
      let base32 = secret;
      let digits = 6;
      if (accountType === ACCOUNT_TYPE.microsoft) {
        // Microsoft personal accounts keep the key in base64 and show 8 digits.
        const bytes = decodeBase64(secret);
        if (bytes === undefined || bytes.length === 0) throw new EntryProblem('secret/invalid-base64', 'The secret of this Microsoft account is not base64.');
        base32 = secretFromBytes(bytes);
        digits = 8;
      } else if (accountType !== ACCOUNT_TYPE.totp) {
        throw new EntryProblem('unsupported-type', 'Work or school accounts sign in with push notifications; they have no code to import.');
      }
      return {
        type: 'totp',
        issuer: typeof issuer === 'string' ? issuer : '',
        accountName: typeof username === 'string' ? username : '',
        secret: base32,
        algorithm: 'SHA1',
        digits,
        period: 30,
      };
    });
  });
  return { format: 'microsoft-authenticator', encrypted: false, ...collector.result() };
}

/** Reads Microsoft Authenticator's SQLite database; needs the injected SQLite engine. */
export async function parseMicrosoftAuthenticator(bytes: Uint8Array, engine: SqliteEngine | undefined): Promise<ImportResult> {
  if (engine === undefined) throw new SqliteEngineMissingError();
  const SQL = await engine.load();
  let db: Database | undefined;
  try {
    db = new SQL.Database(bytes);
    return readAccounts(db);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    // sql.js reports SQLite failures ("file is not a database", "database disk image is malformed") as plain Errors.
    throw new DamagedFileError(`The SQLite database cannot be read: ${(error as Error).message}`, { cause: error });
  } finally {
    db?.close();
  }
}
