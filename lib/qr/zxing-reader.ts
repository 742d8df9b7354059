import { prepareZXingModule, purgeZXingModule, readBarcodes, type ReaderOptions, type ZXingModuleOverrides } from 'zxing-wasm/reader';
import { QrEngineUnavailableError } from './errors';
import type { Quad } from './geometry';
import { greyToRgba, type GreyImage } from './grey-image';

/*
 * ZXing-C++ (the `zxing-wasm` package) as the decoder's first engine
 * (docs/qr-decoding.md "Engines"). The library fetches its WebAssembly from a CDN
 * unless told otherwise; here the caller always hands over the bytes of the copy
 * packaged with the extension, and `locateFile` answers the bare file name, so no
 * URL outside the extension can ever be asked for.
 */

/** One QR code ZXing read, in pixels of the view it was given. */
export interface ZxingSymbol {
  text: string;
  bytes: Uint8Array;
  /** QR version 1–40. */
  version: number;
  /** Top left, top right, bottom right, bottom left. */
  corners: Quad;
}

/** Reads QR codes from a grey image; loads the WebAssembly on first use. */
export interface ZxingReader {
  read(image: GreyImage, maxSymbols: number): Promise<ZxingSymbol[]>;
}

export { ZXING_WASM_FILE } from './zxing-reader-file';

/**
 * QR only (nothing else is an otpauth code); harder search, light-on-dark codes,
 * and ZXing's own downscaling for large views. No rotation: QR finder patterns
 * read at any angle, `tryRotate` only helps linear barcodes.
 */
const READER_OPTIONS: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryInvert: true,
  tryRotate: false,
  tryDownscale: true,
  binarizer: 'LocalAverage',
  textMode: 'Plain',
  characterSet: 'UTF8',
};

/**
 * A reader over the WebAssembly whose bytes `loadWasm` returns (the extension's
 * packaged copy, or the file from node_modules in tests). The module is compiled
 * once per JavaScript realm. Throws {@link QrEngineUnavailableError} when the bytes
 * cannot be had or do not compile; the caller may then read with jsqr alone.
 */
export function createZxingReader(loadWasm: () => Promise<ArrayBuffer>): ZxingReader {
  let overrides: Promise<ZXingModuleOverrides> | null = null;
  const prepare = async (): Promise<void> => {
    overrides ??= loadWasm().then((wasmBinary) => ({ wasmBinary, locateFile: (path: string) => path }));
    try {
      // zxing-wasm keeps one module per realm, keyed by these overrides: the same
      // object again reuses the compiled module.
      await prepareZXingModule({ overrides: await overrides, fireImmediately: true });
    } catch (cause) {
      overrides = null;
      purgeZXingModule();
      throw new QrEngineUnavailableError('zxing', `The ZXing decoder could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    }
  };

  return {
    async read(image, maxSymbols) {
      await prepare();
      // readBarcodes takes any ImageData-like {data, width, height}.
      const rgba = greyToRgba(image) as unknown as ImageData;
      const results = await readBarcodes(rgba, { ...READER_OPTIONS, maxNumberOfSymbols: maxSymbols });
      const symbols: ZxingSymbol[] = [];
      for (const result of results) {
        // Only codes whose error correction succeeded: ZXing reports failed reads too.
        if (!result.isValid || result.format !== 'QRCode') continue;
        const version = Number.parseInt(result.version, 10);
        if (!(version >= 1 && version <= 40)) continue;
        const { topLeft, topRight, bottomRight, bottomLeft } = result.position;
        symbols.push({ text: result.text, bytes: result.bytes, version, corners: [topLeft, topRight, bottomRight, bottomLeft] });
      }
      return symbols;
    },
  };
}
