import { browser } from 'wxt/browser';
import type { MessageKey } from '../../components/i18n';
import { FILL_MENU } from '../../lib/background/fill';
import { SCAN_IMAGE_MENU } from '../../lib/background/scan';

/*
 * Every context menu item of the extension, created together (removeAll first, so
 * an update never leaves a duplicate): QR capture on images, filling on editable
 * fields.
 */

type MenuContext = 'image' | 'editable';

export const MENUS: readonly { id: string; title: MessageKey; contexts: [MenuContext, ...MenuContext[]] }[] = [
  { id: SCAN_IMAGE_MENU, title: 'scanImageMenu', contexts: ['image'] },
  { id: FILL_MENU, title: 'fillMenu', contexts: ['editable'] },
];

export function createMenus(): void {
  void browser.contextMenus.removeAll().then(() => {
    for (const menu of MENUS) browser.contextMenus.create({ id: menu.id, title: browser.i18n.getMessage(menu.title), contexts: menu.contexts });
  });
}
