/*
 * A page's shadow roots, closed ones included (docs/page-scanning.md): a closed
 * root is hidden from the page's own scripts, not from the extension. Firefox
 * gives content scripts `element.openOrClosedShadowRoot`; Chrome gives
 * `chrome.dom.openOrClosedShadowRoot(element)`. Elsewhere only open roots show.
 */

/** Elements that may host a shadow root (HTML's attachShadow list) besides custom elements. */
const SHADOW_HOSTS = new Set(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span']);

interface ChromeDom {
  openOrClosedShadowRoot?: (element: HTMLElement) => ShadowRoot | null;
}

const chromeDom = (): ChromeDom | undefined => (globalThis as { chrome?: { dom?: ChromeDom } }).chrome?.dom;

/** The element's shadow root, open or closed, or `null` when it has none. */
export function shadowRootOf(element: Element): ShadowRoot | null {
  // Only these can host one: the browser's own calls are not made for every element.
  if (!element.localName.includes('-') && !SHADOW_HOSTS.has(element.localName)) return null;
  const firefox = (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox ?? null;
  const reveal = chromeDom()?.openOrClosedShadowRoot;
  if (reveal) {
    try {
      return reveal(element as HTMLElement) ?? null;
    } catch {
      // Not an HTML element of this document's kind: only an open root can be seen.
    }
  }
  return element.shadowRoot;
}
