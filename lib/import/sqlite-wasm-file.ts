/**
 * The file name of sql.js's WebAssembly in the built extension (root of the
 * package). It is the name sql.js's browser build asks `locateFile` for; the
 * build copies `node_modules/sql.js/dist/sql-wasm-browser.wasm` there
 * (wxt.config.ts) and the background points `createSqliteEngine` at it.
 */
export const SQLITE_WASM_FILE = 'sql-wasm-browser.wasm';
