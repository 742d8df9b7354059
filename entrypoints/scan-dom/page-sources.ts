import type { ScanRect } from '../../lib/scan/scan-report';
import { shadowRootOf } from './shadow-root';

/*
 * Finds what on a page may show a QR code: images, canvases, inline SVG, CSS
 * background images — in the document, its shadow roots (closed ones too) and its same-origin
 * frames — and the areas the DOM cannot give (other origins' frames, videos,
 * plugins). Elements are told apart by name, not `instanceof`: a frame's elements
 * belong to another realm.
 */

export type PageSource =
  | { kind: 'img'; element: HTMLImageElement; rect: ScanRect }
  | { kind: 'canvas'; element: HTMLCanvasElement; rect: ScanRect }
  | { kind: 'svg'; element: SVGSVGElement; rect: ScanRect }
  | { kind: 'background'; element: Element; url: string; rect: ScanRect }
  | { kind: 'region'; reason: 'frame' | 'video' | 'embed'; rect: ScanRect };

/** Elements looked at per scan at most: bounds the walk on huge pages. */
const MAX_ELEMENTS = 20_000;
const SVG_NS = 'http://www.w3.org/2000/svg';
const BACKGROUND_URL = /url\(\s*(['"]?)(.*?)\1\s*\)/g;

interface Offset {
  x: number;
  y: number;
}

/** A rectangle moved into the top-level viewport. */
function toTop(rect: DOMRect, offset: Offset): ScanRect {
  return { x: rect.x + offset.x, y: rect.y + offset.y, width: rect.width, height: rect.height };
}

/**
 * Every source on the page, in document order, frames and shadow roots included.
 * Rectangles are in CSS px of the top-level viewport.
 */
export function findPageSources(doc: Document): { sources: PageSource[]; truncated: boolean } {
  const sources: PageSource[] = [];
  let seen = 0;
  let truncated = false;

  const walk = (root: Document | ShadowRoot, offset: Offset) => {
    const view = (root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : root.ownerDocument)?.defaultView;
    for (const element of root.querySelectorAll('*')) {
      if (++seen > MAX_ELEMENTS) {
        truncated = true;
        return;
      }
      const name = element.localName;
      if (element.namespaceURI === SVG_NS) {
        // The outermost <svg> stands for its whole drawing.
        if (name === 'svg' && (element as SVGSVGElement).ownerSVGElement === null) {
          sources.push({ kind: 'svg', element: element as SVGSVGElement, rect: toTop(element.getBoundingClientRect(), offset) });
        }
        continue;
      }
      if (name === 'img') {
        sources.push({ kind: 'img', element: element as HTMLImageElement, rect: toTop(element.getBoundingClientRect(), offset) });
      } else if (name === 'canvas') {
        sources.push({ kind: 'canvas', element: element as HTMLCanvasElement, rect: toTop(element.getBoundingClientRect(), offset) });
      } else if (name === 'video') {
        sources.push({ kind: 'region', reason: 'video', rect: toTop(element.getBoundingClientRect(), offset) });
      } else if (name === 'embed' || name === 'object') {
        sources.push({ kind: 'region', reason: 'embed', rect: toTop(element.getBoundingClientRect(), offset) });
      } else if (name === 'iframe' || name === 'frame') {
        const frame = element as HTMLIFrameElement;
        const rect = frame.getBoundingClientRect();
        let inner: Document | null = null;
        try {
          inner = frame.contentDocument;
        } catch {
          inner = null;
        }
        if (inner && inner.documentElement) {
          // The frame's viewport starts inside its border and padding.
          const style = view?.getComputedStyle(frame);
          const x = rect.x + frame.clientLeft + parseFloat(style?.paddingLeft ?? '0');
          const y = rect.y + frame.clientTop + parseFloat(style?.paddingTop ?? '0');
          walk(inner, { x: offset.x + x, y: offset.y + y });
        } else {
          sources.push({ kind: 'region', reason: 'frame', rect: toTop(rect, offset) });
        }
      }
      if (name !== 'img' && name !== 'canvas' && view) {
        const background = view.getComputedStyle(element).backgroundImage;
        if (background && background !== 'none' && background.includes('url(')) {
          const rect = toTop(element.getBoundingClientRect(), offset);
          for (const match of background.matchAll(BACKGROUND_URL)) {
            if (match[2]) sources.push({ kind: 'background', element, url: match[2], rect });
          }
        }
      }
      const shadow = shadowRootOf(element);
      if (shadow) walk(shadow, offset);
      if (truncated) return;
    }
  };

  walk(doc, { x: 0, y: 0 });
  return { sources, truncated };
}

/** The part of a rectangle inside the viewport, or `null` when none of it is. */
export function visiblePart(rect: ScanRect, viewport: { width: number; height: number }): ScanRect | null {
  const left = Math.max(0, rect.x);
  const top = Math.max(0, rect.y);
  const right = Math.min(viewport.width, rect.x + rect.width);
  const bottom = Math.min(viewport.height, rect.y + rect.height);
  if (right <= left || bottom <= top) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}
