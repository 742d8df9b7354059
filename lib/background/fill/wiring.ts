import { TEST_HOOKS } from '../../build-flags';
import { fillAccount } from './handlers';
import type { FillCapablePorts } from './ports';
import { dropPendingFill } from './store';

/*
 * The gestures that fill (docs/autofill.md "What each trigger does"): the keyboard
 * shortcut and the context menu on editable fields. Both grant activeTab; both do
 * what the popup's Fill does without naming an account. When that does not fill
 * (several accounts, none, locked), the popup opens to show the choice or why.
 * It lives here, not in the entrypoint, so it runs in unit tests
 * (tests/unit/background/fill/wiring.test.ts).
 */

/** The command's name in the manifest (`commands`). */
export const FILL_COMMAND = 'fill-code';
/** The editable-field context menu item's id (entrypoints/background/context-menus.ts). */
export const FILL_MENU = 'fill-code';

interface Event<L> {
  addListener(listener: L): void;
}
type TabRef = { id?: number } | undefined;
/** A context menu click: the item, and the frame the clicked field is in. */
type MenuClick = { menuItemId: string | number; frameId?: number };

/** The part of the extension API filling listens on: `browser` in the extension, a fake in tests. */
export interface FillWiringBrowser {
  commands: { onCommand: Event<(command: string, tab?: TabRef) => void> };
  contextMenus: { onClicked: Event<(info: MenuClick, tab?: TabRef) => void> };
  tabs: {
    query(query: { active: true; currentWindow: true }): Promise<{ id?: number }[]>;
    onRemoved: Event<(tabId: number) => void>;
  };
  action: { openPopup(): Promise<unknown> };
}

/** Fills the tab's code field from a gesture; resolves to whether it filled (tests use the answer). */
async function fillFromGesture(browser: FillWiringBrowser, ports: FillCapablePorts, tabId: number, frameId?: number): Promise<boolean> {
  try {
    await fillAccount(frameId === undefined ? { tabId } : { tabId, frameId }, ports);
    return true;
  } catch (error) {
    // Test builds say why in the console: a gesture's failure is otherwise silent.
    if (TEST_HOOKS) console.warn('Hikae: the fill gesture did not fill:', error);
    try {
      await browser.action.openPopup();
    } catch {
      // Firefox opens it only straight from some user actions; the popup still explains when opened.
    }
    return false;
  }
}

/** What the shortcut does: the tab it was pressed on, else the active one. */
export async function onFillCommand(browser: FillWiringBrowser, ports: FillCapablePorts, command: string, tab?: TabRef): Promise<boolean> {
  if (command !== FILL_COMMAND) return false;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  return tabId === undefined ? false : fillFromGesture(browser, ports, tabId);
}

/** What the context menu item does: the clicked field's frame is preferred. */
export async function onFillMenu(browser: FillWiringBrowser, ports: FillCapablePorts, info: MenuClick, tab?: TabRef): Promise<boolean> {
  if (info.menuItemId !== FILL_MENU || typeof tab?.id !== 'number') return false;
  return fillFromGesture(browser, ports, tab.id, info.frameId);
}

export function wireFilling(browser: FillWiringBrowser, ports: FillCapablePorts): void {
  browser.commands.onCommand.addListener((command, tab) => void onFillCommand(browser, ports, command, tab));
  browser.contextMenus.onClicked.addListener((info, tab) => void onFillMenu(browser, ports, info, tab));
  // A worker stopped mid-fill leaves the tab's pending fill behind (it expires, but needs no keeping).
  browser.tabs.onRemoved.addListener((tabId) => void dropPendingFill(ports, tabId));
}

/**
 * Test builds only (lib/build-flags.ts): the end-to-end tests run the shortcut's
 * and the context menu's own code path (onFillCommand, onFillMenu) from an
 * extension page, because Puppeteer cannot press an extension shortcut in Chromium
 * nor click a browser context menu in either browser. The activeTab grant still
 * comes from a real toolbar click.
 */
export const TEST_GESTURE_KIND = 'hikae.test-gesture';

interface TestGesture {
  kind: typeof TEST_GESTURE_KIND;
  gesture: 'command' | 'menu';
  tabId: number;
  frameId?: number;
}

function isTestGesture(message: unknown): message is TestGesture {
  const m = message as Partial<TestGesture> | null;
  return typeof m === 'object' && m !== null && m.kind === TEST_GESTURE_KIND && (m.gesture === 'command' || m.gesture === 'menu') && typeof m.tabId === 'number';
}

/** Runs a test gesture's code path; undefined when `message` is not one. */
export function answerTestGesture(browser: FillWiringBrowser, ports: FillCapablePorts, message: unknown): Promise<boolean> | undefined {
  // The switch first: a production build drops the rest.
  if (!TEST_HOOKS || !isTestGesture(message)) return undefined;
  const tab = { id: message.tabId };
  return message.gesture === 'command'
    ? onFillCommand(browser, ports, FILL_COMMAND, tab)
    : onFillMenu(browser, ports, message.frameId === undefined ? { menuItemId: FILL_MENU } : { menuItemId: FILL_MENU, frameId: message.frameId }, tab);
}
