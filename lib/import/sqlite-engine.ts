import initSqlJs, { type SqlJsStatic } from 'sql.js';

/*
 * SQLite compiled to WebAssembly (sql.js), loaded on the caller's terms: an
 * extension page passes the URL of the packaged `sql-wasm.wasm` (or its bytes), tests
 * pass the bytes from node_modules. Nothing here fetches by itself.
 */

/** Where the WebAssembly binary of sql.js comes from. */
export type SqliteWasmSource =
  /** The bytes of `sql-wasm.wasm` (or `sql-wasm-browser.wasm`). */
  | { wasmBinary: ArrayBuffer | Uint8Array }
  /** Maps the file name sql.js asks for ("sql-wasm.wasm") to a URL it may fetch. */
  | { locateFile: (file: string) => string };

/** A lazily initialised SQLite engine; pass it to `importFile` as `options.sqlite`. */
export interface SqliteEngine {
  load(): Promise<SqlJsStatic>;
}

/**
 * Creates an engine that compiles the WebAssembly module on first use and reuses it.
 * A failed load is not cached, so a later call can retry. Note that sql.js itself keeps
 * one module per JavaScript realm: the first source that loads successfully is used
 * by every engine of that page or worker.
 */
export function createSqliteEngine(source: SqliteWasmSource): SqliteEngine {
  let loading: Promise<SqlJsStatic> | undefined;
  return {
    load() {
      if (loading === undefined) {
        const config =
          'wasmBinary' in source
            ? { wasmBinary: source.wasmBinary instanceof Uint8Array ? source.wasmBinary.slice().buffer : source.wasmBinary }
            : { locateFile: source.locateFile };
        loading = initSqlJs(config);
        loading.catch(() => {
          loading = undefined;
        });
      }
      return loading;
    },
  };
}
