/**
 * The file name of ZXing's WebAssembly in the built extension (its root). The
 * build copies `node_modules/zxing-wasm/dist/reader/zxing_reader.wasm` there
 * (wxt.config.ts) and the background reads it from the extension itself.
 */
export const ZXING_WASM_FILE = 'zxing_reader.wasm';
