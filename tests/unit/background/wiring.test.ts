import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storageArea } from '../../../entrypoints/background/browser-ports';
import { writeSyncState, type BackgroundPorts, type SenderInfo } from '../../../lib/background/core';
import { HANDLERS } from '../../../lib/background/handlers';
import { ALARMS, CLOUD_CHECK_MINUTES, wireBackground, type Wiring } from '../../../lib/background/wiring';
import { isPageEvent, type PageTopic } from '../../../lib/messaging/events';
import { INITIAL_SYNC_STATE, type SyncState } from '../../../lib/sync/sync-state';
import { WrongPasswordError } from '../../../lib/vault';
import { createFakePorts } from './fake-ports';
import { PASSWORD, POPUP, SELF } from './harness';

/*
 * The background's wiring (lib/background/wiring.ts, called by
 * entrypoints/background/index.ts) against WXT's fake browser: real listeners on
 * runtime.onMessage, alarms.onAlarm and storage.onChanged, storage in the fake
 * browser's areas. A "restart" drops every listener and wires a new worker onto
 * the same storage and alarms, as a killed service worker / suspended event page
 * comes back.
 */

const CONTENT_SCRIPT: SenderInfo = { id: SELF.id, url: 'https://example.com/login' };

/** One worker's life: its ports over the fake browser's storage, and the entrypoint-only parts as spies. */
function startWorker(handlers = HANDLERS) {
  const fake = createFakePorts();
  const ports: BackgroundPorts = {
    ...fake,
    local: storageArea(browser.storage.local),
    session: storageArea(browser.storage.session),
    now: () => fake.now(),
    requestSync: vi.fn(),
  };
  const wiring = {
    ports,
    self: SELF,
    handlers,
    answerContentScript: vi.fn(() => Promise.resolve({ ok: false, from: 'content-script route' })),
    runSync: vi.fn(() => Promise.resolve()),
    showBadge: vi.fn((_state: SyncState, _now: number) => Promise.resolve()),
    clearClipboard: vi.fn(() => Promise.resolve(true)),
  } satisfies Wiring<BackgroundPorts>;
  wireBackground(browser, wiring);
  return { wiring, ports, fake };
}

/** The worker is killed: its listeners go; storage and alarms stay. */
function killWorker(): void {
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.alarms.onAlarm.removeAllListeners();
  fakeBrowser.storage.onChanged.removeAllListeners();
}

/** Lets the start-up work and listeners' async work finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Delivers a message as the browser does, and returns the background's answer (the one listener that answered). */
async function deliver(message: unknown, sender: SenderInfo = POPUP): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined);
  return answers.find((answer) => answer !== undefined);
}

/** The browser fires the alarm `name` now. */
const fireAlarm = (name: string) => fakeBrowser.alarms.onAlarm.trigger({ name, scheduledTime: Date.now(), persistAcrossSessions: false });

/** An open extension page: collects the page events the background sends. */
function openPage(): PageTopic[][] {
  const seen: PageTopic[][] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    if (isPageEvent(message)) seen.push(message.topics);
    return undefined;
  });
  return seen;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.UTC(2026, 0, 1));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('alarms', () => {
  it('creates the periodic backup check on the first start, delayed, every few minutes', async () => {
    startWorker();
    await settle();
    const alarms = await browser.alarms.getAll();
    expect(alarms).toEqual([expect.objectContaining({ name: ALARMS.cloudCheck, periodInMinutes: CLOUD_CHECK_MINUTES, scheduledTime: Date.now() + CLOUD_CHECK_MINUTES * 60_000 })]);
  });

  it('keeps it once, on its schedule, across restarts (a restart must not push the check back)', async () => {
    startWorker();
    await settle();
    const first = await browser.alarms.get(ALARMS.cloudCheck);
    for (let restart = 1; restart <= 3; restart++) {
      vi.setSystemTime(Date.now() + 60_000);
      killWorker();
      startWorker();
      await settle();
    }
    expect(await browser.alarms.getAll()).toEqual([first]);
  });

  it.each([ALARMS.cloudCheck, ALARMS.cloudRetry])('%s runs a backup pass, then shows the badge for the state it left', async (name) => {
    const { wiring } = startWorker();
    await settle();
    wiring.showBadge.mockClear();
    await fireAlarm(name);
    await settle();
    expect(wiring.runSync).toHaveBeenCalledTimes(1);
    expect(wiring.showBadge).toHaveBeenCalledTimes(1);
  });

  it('an alarm of another name does nothing', async () => {
    const { wiring } = startWorker();
    await settle();
    await fireAlarm('someone-else');
    await settle();
    expect(wiring.runSync).not.toHaveBeenCalled();
    expect(wiring.clearClipboard).not.toHaveBeenCalled();
  });
});

describe('message routing', () => {
  it('a declared request from an extension page reaches its handler with the parsed payload', async () => {
    const status = vi.fn(() => Promise.resolve({ state: 'locked' as const }));
    const { wiring } = startWorker({ ...HANDLERS, 'vault.status': status });
    expect(await deliver({ type: 'vault.status' })).toEqual({ ok: true, value: { state: 'locked' } });
    expect(status).toHaveBeenCalledTimes(1);
    expect(status.mock.calls[0]).toEqual([{}, wiring.ports]);
    expect(wiring.answerContentScript).not.toHaveBeenCalled();
  });

  it.each([
    ['an undeclared type', { type: 'vault.destroy', payload: {} }],
    ['a declared type with an undeclared payload key', { type: 'vault.status', payload: { verbose: true } }],
    ['no type', { payload: {} }],
  ])('%s is refused as bad-request before any handler runs', async (_label, message) => {
    const status = vi.fn(() => Promise.resolve({ state: 'locked' as const }));
    startWorker({ ...HANDLERS, 'vault.status': status });
    expect(await deliver(message)).toEqual({ ok: false, error: expect.objectContaining({ code: 'bad-request' }) });
    expect(status).not.toHaveBeenCalled();
  });

  it.each<[string, Error, string]>([
    ['a typed error the request declares', new WrongPasswordError(), 'wrong-password'],
    ['an unexpected error', new TypeError('x is undefined at /src/secret.ts:1'), 'internal'],
  ])('%s becomes the typed failure %s', async (_label, error, code) => {
    startWorker({ ...HANDLERS, 'vault.unlock': () => Promise.reject(error) });
    const answer = await deliver({ type: 'vault.unlock', payload: { password: PASSWORD } });
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code }) });
    expect(JSON.stringify(answer)).not.toContain('secret.ts');
  });

  it('a content script is answered by the content-script route only, never by the request protocol', async () => {
    const status = vi.fn(() => Promise.resolve({ state: 'locked' as const }));
    const { wiring } = startWorker({ ...HANDLERS, 'vault.status': status });
    expect(await deliver({ type: 'vault.status' }, CONTENT_SCRIPT)).toEqual({ ok: false, from: 'content-script route' });
    expect(wiring.answerContentScript).toHaveBeenCalledWith({ type: 'vault.status' }, CONTENT_SCRIPT, SELF, wiring.ports);
    expect(status).not.toHaveBeenCalled();
  });

  it('a message for the offscreen document is left to it', async () => {
    const { wiring } = startWorker();
    expect(await deliver({ target: 'auth-host', op: 'token' })).toBeUndefined();
    expect(wiring.answerContentScript).not.toHaveBeenCalled();
  });

  it('a successful unlock asks for a backup pass (a pending upload or merge may wait for the key); a failed one does not', async () => {
    const { ports } = startWorker();
    expect(await deliver({ type: 'vault.create', payload: { password: PASSWORD } })).toMatchObject({ ok: true });
    await deliver({ type: 'vault.lock', payload: {} });
    expect(await deliver({ type: 'vault.unlock', payload: { password: 'not the password' } })).toMatchObject({ ok: false, error: { code: 'wrong-password' } });
    expect(ports.requestSync).not.toHaveBeenCalled();
    expect(await deliver({ type: 'vault.unlock', payload: { password: PASSWORD } })).toMatchObject({ ok: true });
    expect(ports.requestSync).toHaveBeenCalledTimes(1);
  });
});

describe('restart', () => {
  const pending = (retryAt: number | null): SyncState => ({
    ...INITIAL_SYNC_STATE,
    enabled: true,
    outbox: { text: '{}', revision: 1, preparedAt: Date.now() },
    revision: 1,
    retry: retryAt === null ? null : { attempt: 1, at: retryAt },
  });

  it.each<[string, (now: number) => SyncState, number]>([
    ['an upload left pending is sent', () => pending(null), 1],
    ['an upload whose retry time has come is sent', (now) => pending(now - 1), 1],
    ['an upload waiting for a later retry (Retry-After) is left to its alarm', (now) => pending(now + 60_000), 0],
    ['backup off: nothing is sent', () => ({ ...pending(null), enabled: false }), 0],
    ['nothing pending: nothing is sent', () => INITIAL_SYNC_STATE, 0],
  ])('%s, and the badge shows the stored state', async (_label, state, syncs) => {
    const before = startWorker();
    await writeSyncState(before.ports, state(before.fake.now()));
    killWorker();
    const after = startWorker();
    await settle();
    expect(after.ports.requestSync).toHaveBeenCalledTimes(syncs);
    expect(after.wiring.showBadge).toHaveBeenCalledWith(state(before.fake.now()), after.fake.now());
  });

  it('an unlocked vault stays unlocked across a restart, and the auto-lock alarm still locks it on time', async () => {
    startWorker();
    await deliver({ type: 'vault.create', payload: { password: PASSWORD } });
    killWorker();
    const { fake } = startWorker();
    const page = openPage();
    expect(await deliver({ type: 'vault.status' })).toMatchObject({ ok: true, value: { state: 'unlocked', autoLockMinutes: 15 } });

    // Before the deadline the alarm changes nothing; after it, the vault locks and open pages hear it.
    fake.advance(14 * 60_000);
    await fireAlarm(ALARMS.autoLock);
    await settle();
    expect(page).toEqual([]);
    fake.advance(2 * 60_000);
    await fireAlarm(ALARMS.autoLock);
    await settle();
    expect(page).toEqual([['vault', 'accounts']]);
    expect(await deliver({ type: 'vault.status' })).toEqual({ ok: true, value: { state: 'locked' } });
  });
});

describe('storage changes → open pages and the badge', () => {
  it('a vault change tells open pages to re-read the vault and accounts; only a backup state change moves the badge', async () => {
    const { wiring, ports } = startWorker();
    await settle();
    const page = openPage();
    wiring.showBadge.mockClear();
    await browser.storage.local.set({ vault: { any: 'thing' } });
    await settle();
    expect(page).toEqual([['vault', 'accounts']]);
    expect(wiring.showBadge).not.toHaveBeenCalled();

    await writeSyncState(ports, { ...INITIAL_SYNC_STATE, enabled: true });
    await settle();
    expect(page).toEqual([['vault', 'accounts'], ['cloud']]);
    expect(wiring.showBadge).toHaveBeenCalledWith({ ...INITIAL_SYNC_STATE, enabled: true }, ports.now());
  });

  it('no page open: the event goes nowhere and nothing fails', async () => {
    fakeBrowser.runtime.onMessage.removeAllListeners();
    const { wiring } = startWorker();
    fakeBrowser.runtime.onMessage.removeAllListeners();
    await writeSyncState(wiring.ports, { ...INITIAL_SYNC_STATE, enabled: true });
    await settle();
    expect(wiring.showBadge).toHaveBeenCalledWith({ ...INITIAL_SYNC_STATE, enabled: true }, wiring.ports.now());
  });
});
