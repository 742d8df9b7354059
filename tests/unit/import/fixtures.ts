import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ImportFormat } from '../../../lib/import';
import { ImportResult } from '../../../lib/import/result';
import type { AccountDraft } from '../../../lib/otp/account';
import { parseOtpUri } from '../../../lib/otp/uri';
import { createSqliteEngine } from '../../../lib/import/sqlite-engine';

/** Shared test inputs: the real export files of tests/fixtures/imports and the SQLite engine. */

const FIXTURES = new URL('../../fixtures/imports/', import.meta.url);

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

export function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

/** A clean file's import: valid by the result schema, the format and encryption named, exactly `accounts`, nothing skipped, no warning. */
export function expectCleanImport(result: ImportResult, expected: { format: ImportFormat; encrypted: boolean; accounts: AccountDraft[] }): void {
  expect(ImportResult.parse(result)).toEqual(result);
  expect(result.format).toBe(expected.format);
  expect(result.encrypted).toBe(expected.encrypted);
  expect(result.accounts).toEqual(expected.accounts);
  expect(result.skipped).toEqual([]);
  expect(result.warnings).toEqual([]);
}

/** The password of every encrypted fixture (README). */
export const FIXTURE_PASSWORD = 'test';

/** The seven reference accounts of plain.txt, parsed by lib/otp (the expected values of every format). */
export function plainAccounts(): AccountDraft[] {
  return fixtureText('plain.txt')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => parseOtpUri(line));
}

/** sql.js loaded from node_modules, as an extension page would load its packaged copy. */
export const sqliteEngine = createSqliteEngine({
  wasmBinary: readFileSync(fileURLToPath(new URL('../../../node_modules/sql.js/dist/sql-wasm.wasm', import.meta.url))),
});
