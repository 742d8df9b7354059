/** The fields of a pixel buffer an {@link InvalidImageError} can be about. */
export type ImageField = 'data' | 'width' | 'height';

/** A pixel buffer handed to the QR code is not a well-formed RGBA image; names the field. */
export class InvalidImageError extends Error {
  override readonly name = 'InvalidImageError';
  constructor(readonly field: ImageField, message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/**
 * An option or argument passed to the QR decoder or the candidate checks is out of
 * range; names it (`maxCodes`, `sizes.naturalWidth`, …).
 */
export class InvalidQrOptionError extends Error {
  override readonly name = 'InvalidQrOptionError';
  constructor(readonly option: string, message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/**
 * jsqr itself threw while scanning one attempt of the cascade (it normally returns
 * null when it finds nothing, so a throw is a bug or a resource problem, not "no code").
 */
export class QrScannerFailedError extends Error {
  override readonly name = 'QrScannerFailedError';
  constructor(readonly attempt: string, message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/**
 * A decoding engine could not be started (ZXing's WebAssembly missing or refused
 * to compile). Names the engine; the decoder carries on with jsqr alone.
 */
export class QrEngineUnavailableError extends Error {
  override readonly name = 'QrEngineUnavailableError';
  constructor(readonly engine: 'zxing', message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
