import { createElement } from 'react';
import { ICON_SHAPES, type IconName } from './icon-shapes';

/*
 * Inline SVG icons: no icon font, no emoji (whose glyphs differ per system), and
 * they take the text colour. Decorative: the buttons that hold them carry the label.
 * Shapes: components/icon-shapes.ts.
 */

const common = { width: 18, height: 18, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;

function icon(name: IconName, strokeWidth: number = common.strokeWidth) {
  const Icon = () => (
    <svg {...common} strokeWidth={strokeWidth}>
      {ICON_SHAPES[name].map(([tag, attributes], index) => createElement(tag, { key: index, ...attributes }))}
    </svg>
  );
  return Icon;
}

export const LockIcon = icon('lock');
export const SettingsIcon = icon('settings');
export const NextIcon = icon('next');
export const AlertIcon = icon('alert');
export const GripIcon = icon('grip', 3);
