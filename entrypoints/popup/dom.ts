import { ICON_FRAME, ICON_SHAPES, type IconName } from '../../components/icon-shapes';

/*
 * The popup's start path builds its DOM directly, without React: React and
 * ReactDOM alone are bigger than the popup's size budget (docs/popup-start-path.md).
 * These two helpers are the whole "renderer": elements are built once and
 * updated in place by the code that owns them.
 */

/** An attribute's value: `false`, `null` and `undefined` leave it out; `true` sets it empty. */
export type AttributeValue = string | number | boolean | null | undefined;
export type Child = Node | string | null | undefined | false;

const SVG_NS = 'http://www.w3.org/2000/svg';

function build<E extends Element>(element: E, attributes: Record<string, AttributeValue>, children: Child[]): E {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

/** An HTML element; attributes by their HTML names (`class`, `aria-label`, `data-testid`). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, AttributeValue> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  return build(document.createElement(tag), attributes, children);
}

/** An SVG element. */
export function svg(tag: string, attributes: Record<string, AttributeValue> = {}, ...children: Child[]): SVGElement {
  return build(document.createElementNS(SVG_NS, tag), attributes, children);
}

/** Each icon built once; rows get copies (a deep clone costs far less than building again, #15). */
const icons = new Map<IconName, SVGElement>();

/** One of the shared icons (components/icon-shapes.ts). */
export function icon(name: IconName): SVGElement {
  let built = icons.get(name);
  if (!built) {
    built = svg('svg', ICON_FRAME, ...ICON_SHAPES[name].map(([tag, attributes]) => svg(tag, attributes)));
    icons.set(name, built);
  }
  return built.cloneNode(true) as SVGElement;
}
