import QRCode from 'qrcode';
import type { RgbaImage } from '../../../lib/qr/rgba-image';

/**
 * A QR code for `text` as RGBA pixels, drawn straight from the encoder's module
 * matrix (`qrcode`): black modules of `scale` px on white, with a 4-module quiet zone.
 */
export function qrImage(text: string, scale = 4): RgbaImage {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const side = (modules.size + 8) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) {
        for (let x = 0; x < scale; x++) {
          const offset = (((row + 4) * scale + y) * side + (col + 4) * scale + x) * 4;
          data[offset] = data[offset + 1] = data[offset + 2] = 0;
        }
      }
    }
  }
  return { data, width: side, height: side };
}

/** A blank white image (no code). */
export function blank(width: number, height: number): RgbaImage {
  return { data: new Uint8ClampedArray(width * height * 4).fill(255), width, height };
}

/** Pastes `image` into `into` at (x, y) (both RGBA), returning `into`. */
export function paste(into: RgbaImage, image: RgbaImage, x: number, y: number): RgbaImage {
  for (let row = 0; row < image.height; row++) {
    into.data.set(image.data.subarray(row * image.width * 4, (row + 1) * image.width * 4), ((y + row) * into.width + x) * 4);
  }
  return into;
}
