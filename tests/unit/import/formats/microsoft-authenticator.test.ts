import { describe, expect, it } from 'vitest';
import { importFile, UnsupportedFormatError } from '../../../../lib/import';
import { sqliteEngine } from '../fixtures';

async function database(sql: string): Promise<Uint8Array> {
  const SQL = await sqliteEngine.load();
  const db = new SQL.Database();
  db.run(sql);
  const bytes = db.export();
  db.close();
  return bytes;
}

const TABLE = 'CREATE TABLE accounts (_id INTEGER PRIMARY KEY, name TEXT, username TEXT, oath_secret_key TEXT, account_type INTEGER, ux_position INTEGER);';

describe('Microsoft Authenticator', () => {
  it('reads personal Microsoft accounts (base64, 8 digits), skips work accounts, orders by position', async () => {
    const bytes = await database(
      `${TABLE}
       INSERT INTO accounts VALUES (1, 'Contoso', 'bob@contoso.com', 'ignored', 2, 1);
       INSERT INTO accounts VALUES (2, 'Microsoft', 'alice@outlook.com', 'SGVsbG8hIQ==', 1, 3);
       INSERT INTO accounts VALUES (3, 'GitHub', 'octocat', 'JBSWY3DPEHPK3PXP', 0, 2);`,
    );
    const result = await importFile({ bytes }, { sqlite: sqliteEngine });
    expect(result.accounts).toEqual([
      { issuer: 'GitHub', accountName: 'octocat', secret: 'JBSWY3DPEHPK3PXP', type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
      // 'SGVsbG8hIQ==' is base64 of "Hello!!", whose base32 (Python's base64.b32encode) is 'JBSWY3DPEEQQ===='.
      { issuer: 'Microsoft', accountName: 'alice@outlook.com', secret: 'JBSWY3DPEEQQ', type: 'totp', algorithm: 'SHA1', digits: 8, period: 30, counter: 0 },
    ]);
    expect(result.skipped).toEqual([{ index: 0, label: 'Contoso: bob@contoso.com', reason: { code: 'unsupported-type', message: expect.any(String) } }]);
  });

  it.each([
    { what: 'no accounts table', sql: 'CREATE TABLE notes (x TEXT);', message: /tables: notes/ },
    { what: 'a view named accounts', sql: `CREATE TABLE t (x); CREATE VIEW accounts AS WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c) SELECT n AS name FROM c;`, message: /not a plain table/ },
    { what: 'generated columns', sql: 'CREATE TABLE accounts (name TEXT, username TEXT, oath_secret_key TEXT, account_type INTEGER, z GENERATED ALWAYS AS (zeroblob(1000000000)));', message: /not a plain table/ },
    { what: 'missing columns', sql: 'CREATE TABLE accounts (name TEXT);', message: /lacks the columns username, oath_secret_key, account_type/ },
  ])('refuses a database with $what', async ({ sql, message }) => {
    const error = await importFile({ bytes: await database(sql) }, { sqlite: sqliteEngine }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedFormatError);
    expect((error as Error).message).toMatch(message);
  });
});
