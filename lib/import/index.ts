export * from './errors';
export * from './result';
export { IMPORT_LIMITS } from './limits';
export { importFile, type ImportInput, type ImportOptions, type FormatParser, type ImportFileView } from './import-file';
export { createSqliteEngine, type SqliteEngine, type SqliteWasmSource } from './sqlite-engine';
