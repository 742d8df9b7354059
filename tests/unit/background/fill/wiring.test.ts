import { describe, expect, it, vi } from 'vitest';
import { answerTestGesture, FILL_COMMAND, FILL_MENU, wireFilling, type FillWiringBrowser } from '../../../../lib/background/fill';
import { writePendingFill } from '../../../../lib/background/fill/store';
import { SCAN_COMMAND, SCAN_IMAGE_MENU } from '../../../../lib/background/scan';
import { generateCode } from '../../../../lib/otp/code';
import { readContents } from '../../../../lib/background/vault';
import { draftFor, sendOk, useSharedVault } from '../harness';
import { openTab, withFakeFill, type FakeFrame } from './fake-fill';
import { fakeEvent, settle } from '../fake-events';

/*
 * Filling's wiring (lib/background/fill/wiring.ts, called by the background
 * entrypoint): which browser event fills which tab and frame, when the popup opens
 * instead (several accounts, none, locked, a frame off the site), what a closing
 * tab drops, and the test builds' stand-in gesture. The events are small fakes with
 * a trigger: WXT's fake browser does not implement commands or contextMenus.
 */

/** The one switch of lib/build-flags.ts, per test: unit tests run as a production build unless a test turns it on. */
const flags = vi.hoisted(() => ({ testHooks: false }));
vi.mock('../../../../lib/build-flags', () => ({
  get TEST_HOOKS() {
    return flags.testHooks;
  },
}));

const ONE = 7; // github.com: one account
const SEVERAL = 8; // example.test: two accounts
const NONE = 9; // evil.test: no account
const FRAMES = 10; // github.com with a same-site frame (4) and an off-site one (5)
const OFF_SITE = 11; // github.com whose only field is in an off-site frame (5)

describe('filling from the browser’s gestures', () => {
  const vault = useSharedVault(async (ports) => [
    (await sendOk(ports, 'accounts.add', { draft: draftFor(1, { issuer: 'GitHub', sites: ['github.com'] }) })).id,
    (await sendOk(ports, 'accounts.add', { draft: draftFor(2, { issuer: 'Example', accountName: 'work', sites: ['example.test'] }) })).id,
    (await sendOk(ports, 'accounts.add', { draft: draftFor(3, { issuer: 'Example', accountName: 'home', sites: ['example.test'] }) })).id,
  ]);

  /** A worker with filling wired onto fake events; the active tab is ONE. */
  function startWorker({ focusedFrame }: { focusedFrame?: number } = {}) {
    flags.testHooks = false;
    const ports = withFakeFill(vault.ports);
    const frame = (url: string, score: number, id: number): FakeFrame => ({ url, score, focused: focusedFrame === id });
    openTab(ports.fake, ONE, 'https://github.com/sessions/two-factor');
    openTab(ports.fake, SEVERAL, 'https://www.example.test/login');
    openTab(ports.fake, NONE, 'https://evil.test/login');
    openTab(ports.fake, FRAMES, 'https://github.com/', { focused: focusedFrame === 0 }, { 4: frame('https://auth.github.com/frame', 60, 4), 5: frame('https://evil.test/', 100, 5) });
    openTab(ports.fake, OFF_SITE, 'https://github.com/', { score: 0 }, { 5: frame('https://evil.test/', 100, 5) });
    const events = {
      onCommand: fakeEvent<[string, { id?: number }?]>(),
      onClicked: fakeEvent<[{ menuItemId: string | number; frameId?: number }, { id?: number }?]>(),
      onRemoved: fakeEvent<[number]>(),
    };
    const openPopup = vi.fn(() => Promise.resolve());
    const query = vi.fn(() => Promise.resolve([{ id: ONE }]));
    const browser: FillWiringBrowser = {
      commands: { onCommand: events.onCommand },
      contextMenus: { onClicked: events.onClicked },
      tabs: { query, onRemoved: events.onRemoved },
      action: { openPopup },
    };
    wireFilling(browser, ports);
    /** Waits until the gesture ended: digits written somewhere, or the popup asked to open. */
    const ended = () => vi.waitFor(() => expect(ports.fake.received.length + openPopup.mock.calls.length).toBeGreaterThan(0));
    return { ports, browser, events, openPopup, query, ended };
  }

  type Worker = ReturnType<typeof startWorker>;

  async function codeOf(worker: Worker, issuer: string): Promise<string> {
    const account = (await readContents(worker.ports)).accounts.find((a) => a.issuer === issuer)!;
    return generateCode(account, worker.ports.now()).value;
  }

  describe('which event fills which tab', () => {
    it.each<{ gesture: string; fire: (w: Worker) => void; filled: number | null; askedActiveTab: boolean }>([
      { gesture: 'the fill shortcut on a tab', fire: (w) => w.events.onCommand.fire(FILL_COMMAND, { id: ONE }), filled: ONE, askedActiveTab: false },
      { gesture: 'the fill shortcut with no tab (the active one is asked for)', fire: (w) => w.events.onCommand.fire(FILL_COMMAND), filled: ONE, askedActiveTab: true },
      { gesture: 'the fill menu item on a field', fire: (w) => w.events.onClicked.fire({ menuItemId: FILL_MENU, frameId: 0 }, { id: ONE }), filled: ONE, askedActiveTab: false },
      { gesture: 'the fill menu item with no frame reported', fire: (w) => w.events.onClicked.fire({ menuItemId: FILL_MENU }, { id: ONE }), filled: ONE, askedActiveTab: false },
    ])('$gesture → tab $filled filled', async ({ fire, filled, askedActiveTab }) => {
      const worker = startWorker();
      fire(worker);
      await worker.ended();
      expect(worker.ports.fake.received).toEqual([`${filled}/0: ${await codeOf(worker, 'GitHub')}`]);
      expect(worker.openPopup).not.toHaveBeenCalled();
      expect(worker.query).toHaveBeenCalledTimes(askedActiveTab ? 1 : 0);
    });

    it.each<{ gesture: string; fire: (w: Worker) => void }>([
      { gesture: 'another command (scan)', fire: (w) => w.events.onCommand.fire(SCAN_COMMAND, { id: ONE }) },
      { gesture: 'another menu item (scan an image)', fire: (w) => w.events.onClicked.fire({ menuItemId: SCAN_IMAGE_MENU }, { id: ONE }) },
      { gesture: 'the fill menu item outside a tab', fire: (w) => w.events.onClicked.fire({ menuItemId: FILL_MENU }) },
    ])('$gesture → nothing filled, no popup', async ({ fire }) => {
      const worker = startWorker();
      fire(worker);
      await settle();
      expect(worker.ports.fake.received).toEqual([]);
      expect(worker.openPopup).not.toHaveBeenCalled();
    });

    it('the shortcut with no tab and no active tab does nothing', async () => {
      const worker = startWorker();
      worker.query.mockImplementation(() => Promise.resolve([]));
      worker.events.onCommand.fire(FILL_COMMAND);
      await vi.waitFor(() => expect(worker.query).toHaveBeenCalled());
      await settle();
      expect(worker.ports.fake.received).toEqual([]);
      expect(worker.openPopup).not.toHaveBeenCalled();
    });
  });

  describe('how many accounts match, and a locked vault', () => {
    it.each<{ page: string; tab: number; locked: boolean; filled: string | null }>([
      { page: 'one matching account', tab: ONE, locked: false, filled: 'GitHub' },
      { page: 'several matching accounts (the popup shows the choice)', tab: SEVERAL, locked: false, filled: null },
      { page: 'no matching account (the popup says why)', tab: NONE, locked: false, filled: null },
      { page: 'one matching account, vault locked (the popup asks to unlock)', tab: ONE, locked: true, filled: null },
      { page: 'a tab the browser will not script', tab: -1, locked: false, filled: null },
    ])('$page → filled: $filled', async ({ tab, locked, filled }) => {
      const worker = startWorker();
      if (locked) await sendOk(worker.ports, 'vault.lock', {});
      const tabId = tab === -1 ? ONE : tab;
      if (tab === -1) worker.ports.fake.refused.add(ONE);
      worker.events.onCommand.fire(FILL_COMMAND, { id: tabId });
      await worker.ended();
      expect(worker.ports.fake.received).toEqual(filled === null ? [] : [`${tabId}/0: ${await codeOf(worker, filled)}`]);
      expect(worker.openPopup).toHaveBeenCalledTimes(filled === null ? 1 : 0);
    });

    it('a browser that refuses to open the popup (Firefox, not straight from the user) does not throw', async () => {
      const worker = startWorker();
      worker.openPopup.mockImplementation(() => Promise.reject(new Error('openPopup requires a user gesture')));
      worker.events.onCommand.fire(FILL_COMMAND, { id: SEVERAL });
      await worker.ended();
      expect(worker.ports.fake.received).toEqual([]);
    });
  });

  describe('which frame gets the code', () => {
    it.each<{ how: string; focusedFrame?: number; fire: (w: Worker) => void; frame: number | null }>([
      { how: 'shortcut, no field focused: the top frame (best score, first on a tie)', fire: (w) => w.events.onCommand.fire(FILL_COMMAND, { id: FRAMES }), frame: 0 },
      { how: 'shortcut, a field focused in the same-site frame', focusedFrame: 4, fire: (w) => w.events.onCommand.fire(FILL_COMMAND, { id: FRAMES }), frame: 4 },
      { how: 'menu on the same-site frame’s field', fire: (w) => w.events.onClicked.fire({ menuItemId: FILL_MENU, frameId: 4 }, { id: FRAMES }), frame: 4 },
      { how: 'menu on the top field', fire: (w) => w.events.onClicked.fire({ menuItemId: FILL_MENU, frameId: 0 }, { id: FRAMES }), frame: 0 },
      { how: 'menu on an off-site frame’s field: the best field on the site instead', fire: (w) => w.events.onClicked.fire({ menuItemId: FILL_MENU, frameId: 5 }, { id: FRAMES }), frame: 0 },
      { how: 'shortcut, a field focused in an off-site frame: the best field on the site instead', focusedFrame: 5, fire: (w) => w.events.onCommand.fire(FILL_COMMAND, { id: FRAMES }), frame: 0 },
      { how: 'menu on the only field, off the site (refused, the popup says why)', fire: (w) => w.events.onClicked.fire({ menuItemId: FILL_MENU, frameId: 5 }, { id: OFF_SITE }), frame: null },
      { how: 'shortcut, the only field off the site (refused)', fire: (w) => w.events.onCommand.fire(FILL_COMMAND, { id: OFF_SITE }), frame: null },
    ])('$how → frame $frame', async ({ focusedFrame, fire, frame }) => {
      const worker = startWorker(focusedFrame === undefined ? {} : { focusedFrame });
      fire(worker);
      await worker.ended();
      expect(worker.ports.fake.received).toEqual(frame === null ? [] : [`${FRAMES}/${frame}: ${await codeOf(worker, 'GitHub')}`]);
      expect(worker.openPopup).toHaveBeenCalledTimes(frame === null ? 1 : 0);
    });
  });

  describe('a tab closing', () => {
    it.each<{ closes: string; tab: number; dropped: boolean }>([
      { closes: 'the tab of the pending fill', tab: ONE, dropped: true },
      { closes: 'another tab', tab: SEVERAL, dropped: false },
    ])('$closes → pending fill dropped: $dropped', async ({ tab, dropped }) => {
      const worker = startWorker();
      // What a worker stopped between the check and the frame's request leaves behind.
      await writePendingFill(worker.ports, ONE, { accountId: vault.ids[0]!, frameId: 0, expiresAtMs: worker.ports.now() + 15_000 });
      worker.events.onRemoved.fire(tab);
      await settle();
      expect(worker.ports.session.peek(`fill:${ONE}`) === undefined).toBe(dropped);
    });
  });

  describe('the test builds’ stand-in gesture (hikae.test-gesture)', () => {
    it.each<{ message: unknown; frame: number | null }>([
      { message: { kind: 'hikae.test-gesture', gesture: 'command', tabId: FRAMES }, frame: 0 },
      { message: { kind: 'hikae.test-gesture', gesture: 'menu', tabId: FRAMES, frameId: 4 }, frame: 4 },
      { message: { kind: 'hikae.test-gesture', gesture: 'menu', tabId: OFF_SITE, frameId: 5 }, frame: null },
    ])('a test build runs $message.gesture on tab $message.tabId frame $message.frameId → frame $frame', async ({ message, frame }) => {
      const worker = startWorker();
      flags.testHooks = true;
      expect(await answerTestGesture(worker.browser, worker.ports, message)).toBe(frame !== null);
      expect(worker.ports.fake.received).toEqual(frame === null ? [] : [`${FRAMES}/${frame}: ${await codeOf(worker, 'GitHub')}`]);
      expect(worker.openPopup).toHaveBeenCalledTimes(frame === null ? 1 : 0);
    });

    it.each<{ what: string; message: unknown; testHooks: boolean }>([
      { what: 'a gesture in a production build', message: { kind: 'hikae.test-gesture', gesture: 'command', tabId: ONE }, testHooks: false },
      { what: 'another gesture name', message: { kind: 'hikae.test-gesture', gesture: 'click', tabId: ONE }, testHooks: true },
      { what: 'no tab', message: { kind: 'hikae.test-gesture', gesture: 'command' }, testHooks: true },
      { what: 'a request', message: { type: 'vault.status', payload: {} }, testHooks: true },
      { what: 'null', message: null, testHooks: true },
    ])('$what is not answered, and fills nothing', async ({ message, testHooks }) => {
      const worker = startWorker();
      flags.testHooks = testHooks;
      expect(answerTestGesture(worker.browser, worker.ports, message)).toBeUndefined();
      await settle();
      expect(worker.ports.fake.received).toEqual([]);
    });
  });
});
