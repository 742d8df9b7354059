import { browser } from 'wxt/browser';
import { fillAccount, type FillCapablePorts } from '../../lib/background/fill';

/*
 * The gestures that fill (docs/autofill.md "What each trigger does"): the keyboard
 * shortcut and the context menu on editable fields. Both grant activeTab; both do
 * what the popup's Fill does without naming an account. When that does not fill
 * (several accounts, none, locked), the popup opens to show the choice or why.
 */

/** The command's name in the manifest (`commands`). */
export const FILL_COMMAND = 'fill-code';
/** The context menu item's id. */
export const FILL_MENU = 'fill-code';

/** Fills the tab's code field from a gesture; resolves to whether it filled (tests use the answer). */
export async function fillFromGesture(ports: FillCapablePorts, tabId: number, frameId?: number): Promise<boolean> {
  try {
    await fillAccount(frameId === undefined ? { tabId } : { tabId, frameId }, ports);
    return true;
  } catch (error) {
    // Test builds say why in the console: a gesture's failure is otherwise silent.
    if (import.meta.env.MODE === 'test') console.warn('Hikae: the fill gesture did not fill:', error);
    try {
      await browser.action.openPopup();
    } catch {
      // Firefox opens it only straight from some user actions; the popup still explains when opened.
    }
    return false;
  }
}

async function activeTabId(): Promise<number | undefined> {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

/** What the shortcut does (also what the e2e tests call in Chromium, which cannot press extension shortcuts). */
export async function onFillCommand(ports: FillCapablePorts, command: string, tab?: { id?: number }): Promise<boolean> {
  if (command !== FILL_COMMAND) return false;
  const tabId = tab?.id ?? (await activeTabId());
  return tabId === undefined ? false : fillFromGesture(ports, tabId);
}

/** What the context menu item does: the clicked field's frame is preferred. */
export async function onFillMenu(ports: FillCapablePorts, info: { menuItemId: string | number; frameId?: number }, tab?: { id?: number }): Promise<boolean> {
  if (info.menuItemId !== FILL_MENU || typeof tab?.id !== 'number') return false;
  return fillFromGesture(ports, tab.id, info.frameId);
}

export function registerFilling(ports: FillCapablePorts): void {
  browser.commands.onCommand.addListener((command, tab) => void onFillCommand(ports, command, tab));
  browser.contextMenus.onClicked.addListener((info, tab) => void onFillMenu(ports, info, tab));
}

/**
 * Test builds only (`--mode test`): the end-to-end tests run the shortcut's and the
 * context menu's own code path (onFillCommand, onFillMenu) from an extension page,
 * because Puppeteer cannot press an extension shortcut in Chromium nor click a
 * browser context menu in either browser. The activeTab grant still comes from a
 * real toolbar click. Production builds drop this (the mode is a build constant).
 */
export const TEST_GESTURE_KIND = 'hikae.test-gesture';

interface TestGesture {
  kind: typeof TEST_GESTURE_KIND;
  gesture: 'command' | 'menu';
  tabId: number;
  frameId?: number;
}

export function isTestGesture(message: unknown): message is TestGesture {
  const m = message as Partial<TestGesture> | null;
  return typeof m === 'object' && m !== null && m.kind === TEST_GESTURE_KIND && (m.gesture === 'command' || m.gesture === 'menu') && typeof m.tabId === 'number';
}

export function runTestGesture(ports: FillCapablePorts, gesture: TestGesture): Promise<boolean> {
  const tab = { id: gesture.tabId };
  return gesture.gesture === 'command'
    ? onFillCommand(ports, FILL_COMMAND, tab)
    : onFillMenu(ports, gesture.frameId === undefined ? { menuItemId: FILL_MENU } : { menuItemId: FILL_MENU, frameId: gesture.frameId }, tab);
}
