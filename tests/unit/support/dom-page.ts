import { Window } from 'happy-dom';
import type { FinderEnv } from '../../../lib/autofill/find-fields';

/* Pages for the DOM-facing parts of lib/ (the field finder, writing a code), in happy-dom. */

/** A page in happy-dom. */
export function pageOf(html: string): Document {
  const window = new Window({ url: 'https://example.test/' });
  window.document.body.innerHTML = html;
  return window.document as unknown as Document;
}

/** Visible unless it or an ancestor is display:none / visibility:hidden / [hidden] (no layout in happy-dom). */
export const styleEnv: FinderEnv = {
  isVisible(element) {
    const view = element.ownerDocument.defaultView!;
    if (view.getComputedStyle(element).visibility === 'hidden') return false;
    for (let node: Element | null = element; node; node = node.parentElement) {
      if (node.hasAttribute('hidden') || view.getComputedStyle(node).display === 'none') return false;
    }
    return true;
  },
};

