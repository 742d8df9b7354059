import type { RgbaImage } from '../../lib/qr/rgba-image';

/*
 * Turning page elements into pixels inside the content script. Canvases are
 * OffscreenCanvas objects of the content script's own realm: never in the page's
 * DOM, and (in Firefox) read without going through the page's wrappers.
 */

/** Something drawImage() accepts, with the size it is to be drawn at. */
export interface Drawable {
  source: CanvasImageSource;
  width: number;
  height: number;
}

/** Raised when reading a drawing's pixels is refused: the canvas is tainted by another origin. */
export class TaintedError extends Error {
  override readonly name = 'TaintedError';
}

/** Scale that fits width×height into `maxSide` on the long side (never enlarges). */
export function fitScale(width: number, height: number, maxSide: number): number {
  return Math.min(1, maxSide / Math.max(width, height));
}

function drawScaled(drawable: Drawable, maxSide: number): OffscreenCanvas {
  const scale = fitScale(drawable.width, drawable.height, maxSide);
  const width = Math.max(1, Math.round(drawable.width * scale));
  const height = Math.max(1, Math.round(drawable.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D context for an OffscreenCanvas.');
  context.imageSmoothingQuality = 'high';
  context.drawImage(drawable.source, 0, 0, width, height);
  return canvas;
}

function isSecurityError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'SecurityError';
}

/** The drawing's pixels at most `maxSide` px on the long side. Throws TaintedError when the page may show but not read them. */
export function readPixels(drawable: Drawable, maxSide: number): RgbaImage {
  const canvas = drawScaled(drawable, maxSide);
  try {
    const image = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    return { data: image.data, width: image.width, height: image.height };
  } catch (error) {
    if (isSecurityError(error)) throw new TaintedError('The image belongs to another origin.', { cause: error });
    throw error;
  }
}

/** The drawing as a PNG data URL, at most `maxSide` px on the long side. */
export async function toPngDataUrl(drawable: Drawable, maxSide: number): Promise<string> {
  const canvas = drawScaled(drawable, maxSide);
  let blob: Blob;
  try {
    blob = await canvas.convertToBlob({ type: 'image/png' });
  } catch (error) {
    if (isSecurityError(error)) throw new TaintedError('The image belongs to another origin.', { cause: error });
    throw error;
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the PNG.'));
    reader.readAsDataURL(blob);
  });
}

/** Waits for an image to be decoded, at most `timeoutMs`; false when it failed or is still loading. */
export async function imageReady(image: HTMLImageElement, timeoutMs: number): Promise<boolean> {
  if (image.complete) return image.naturalWidth > 0 || image.width > 0;
  const loaded = image.decode().then(
    () => true,
    () => false,
  );
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs));
  return Promise.race([loaded, timeout]);
}

/** Loads a URL (a CSS background image) as an image element of the content script. */
export async function loadImage(url: string, timeoutMs: number): Promise<HTMLImageElement | null> {
  const image = new Image();
  image.decoding = 'async';
  image.src = url;
  return (await imageReady(image, timeoutMs)) ? image : null;
}

/** SVG elements at most this many have their computed paint copied into the serialised copy. */
const MAX_STYLED_SVG_ELEMENTS = 5000;
const PAINT_PROPERTIES = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'opacity', 'visibility', 'display'] as const;

/**
 * An inline <svg> as an image, at `scale` × its CSS size: serialised with its
 * computed paint inlined (page stylesheets do not travel with it) and crisp edges
 * (a code drawn one <rect> per module must not show seams between modules).
 */
export async function rasteriseSvg(svg: SVGSVGElement, cssWidth: number, cssHeight: number, scale: number, timeoutMs: number): Promise<Drawable | null> {
  const view = svg.ownerDocument.defaultView;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  if (view && originals.length <= MAX_STYLED_SVG_ELEMENTS) {
    const copies = [copy, ...copy.querySelectorAll('*')];
    originals.forEach((original, i) => {
      const style = view.getComputedStyle(original);
      const paint = PAINT_PROPERTIES.map((property) => `${property}:${style.getPropertyValue(property)}`).join(';');
      copies[i]?.setAttribute('style', paint);
    });
  }
  const width = Math.max(1, Math.round(cssWidth * scale));
  const height = Math.max(1, Math.round(cssHeight * scale));
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('shape-rendering', 'crispEdges');
  if (!copy.hasAttribute('viewBox')) {
    const box = svg.viewBox?.baseVal;
    copy.setAttribute('viewBox', box && box.width > 0 ? `${box.x} ${box.y} ${box.width} ${box.height}` : `0 0 ${cssWidth} ${cssHeight}`);
  }
  const xml = new XMLSerializer().serializeToString(copy);
  // A blob URL, not data: — Firefox marks a content script's canvas write-only after
  // drawing a data: SVG (its pixels can be read but not exported).
  const url = URL.createObjectURL(new Blob([xml], { type: 'image/svg+xml' }));
  try {
    const image = await loadImage(url, timeoutMs);
    return image ? { source: image, width, height } : null;
  } finally {
    URL.revokeObjectURL(url);
  }
}
