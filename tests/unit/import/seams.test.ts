import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSqliteEngine, importFile, type FormatParser } from '../../../lib/import';
import { fixtureBytes } from './fixtures';

describe('plugged-in format parsers (the seam for our own encrypted export)', () => {
  const hikae: FormatParser = {
    format: 'hikae-encrypted',
    detect: (file) => file.text?.startsWith('{"hikae":') ?? false,
    parse: async () => ({ format: 'hikae-encrypted', encrypted: true, accounts: [], skipped: [], warnings: [] }),
  };

  it('is asked before the built-in detection', async () => {
    const result = await importFile({ text: '{"hikae": 1}' }, { parsers: [hikae] });
    expect(result.format).toBe('hikae-encrypted');
  });

  it('leaves other files to the built-in parsers', async () => {
    const result = await importFile({ bytes: fixtureBytes('aegis_plain.json') }, { parsers: [hikae] });
    expect(result.format).toBe('aegis');
  });

  it('has its result held to the ImportResult schema', async () => {
    const broken: FormatParser = { ...hikae, parse: async () => ({ format: 'hikae-encrypted', encrypted: true, accounts: [{ issuer: 1 }], skipped: [], warnings: [] }) as never };
    await expect(importFile({ text: '{"hikae": 1}' }, { parsers: [broken] })).rejects.toThrow();
  });
});

describe('createSqliteEngine', () => {
  // sql.js keeps one module per JavaScript realm, so this file (its own realm under vitest)
  // must not load the engine anywhere else before this test.
  it('loads sql.js from a location the caller gives (as an extension page passes its packaged wasm URL), once', async () => {
    const dist = new URL('../../../node_modules/sql.js/dist/', import.meta.url);
    const asked: string[] = [];
    const engine = createSqliteEngine({ locateFile: (file) => (asked.push(file), fileURLToPath(new URL(file, dist))) });
    const [a, b] = await Promise.all([engine.load(), engine.load()]);
    expect(a).toBe(b);
    expect(asked).toEqual(['sql-wasm.wasm']);
    const result = await importFile({ bytes: fixtureBytes('microsoft_authenticator.sqlite') }, { sqlite: engine });
    expect(result.accounts).toHaveLength(7);
  });
});
