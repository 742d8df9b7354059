import { PAGE_EVENT_KIND, type PageEvent } from '../messaging/events';
import type { RequestType, Response } from '../messaging/protocol';
import type { SyncState } from '../sync/sync-state';
import { clearCopiedCodeIfDue } from './clipboard';
import { isExtensionPage, readSyncState, type BackgroundPorts, type ExtensionIdentity, type HandlerMap, type SenderInfo } from './core';
import { topicsForStorageChange, type StorageChange } from './page-events';
import { route } from './router';
import { clockedPorts } from './test-clock';
import { lockIfIdle } from './vault';

/*
 * How the background listens to the browser: which message goes where, what each
 * alarm does, what a storage change tells the badge and the open pages, and what
 * every start of the worker resumes. It lives here, not in the entrypoint, so the
 * wiring runs in unit tests against WXT's fake browser (tests/unit/background/
 * wiring.test.ts); the entrypoint only builds the real ports and calls it.
 */

/** Names of the background's alarms. */
export const ALARMS = {
  autoLock: 'auto-lock',
  cloudRetry: 'cloud-retry',
  cloudCheck: 'cloud-check',
  clipboardClear: 'clipboard-clear',
} as const;

/** Minutes between the periodic backup checks (catches what events missed, and other devices' changes). */
export const CLOUD_CHECK_MINUTES = 5;

type MessageListener = (message: unknown, sender: SenderInfo) => Promise<unknown> | undefined;

/** The part of the extension API the wiring listens on: `browser` in the extension, WXT's `fakeBrowser` in tests. */
export interface WiringBrowser {
  runtime: {
    onMessage: { addListener(listener: MessageListener): void };
    sendMessage(message: unknown): Promise<unknown>;
  };
  alarms: {
    get(name: string): Promise<unknown>;
    create(name: string, info: { delayInMinutes: number; periodInMinutes: number }): Promise<void> | void;
    onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
  };
  storage: {
    onChanged: { addListener(listener: (changes: Record<string, StorageChange>, area: string) => void): void };
  };
}

/** What the wiring drives, besides the browser: the ports and what only the entrypoint can do. */
export interface Wiring<P extends BackgroundPorts> {
  ports: P;
  /** The extension itself (runtime.id, runtime.getURL('/')): who counts as one of its pages. */
  self: ExtensionIdentity;
  handlers: HandlerMap;
  /** A message from a content script (not an extension page): answered by the scan and fill features. */
  answerContentScript(message: unknown, sender: SenderInfo, self: ExtensionIdentity, ports: P): Promise<unknown> | undefined;
  /** One backup pass (serialised by the entrypoint). */
  runSync(): Promise<unknown>;
  /** Shows the toolbar badge for a backup state. */
  showBadge(state: SyncState, nowMs: number): Promise<void>;
  /** Empties the clipboard if it still holds `text`; true if it did. */
  clearClipboard(text: string): Promise<boolean>;
  /** Test builds only: an extension page's message that is not a request (the e2e stand-in for a fill gesture); undefined: not one. */
  answerTestMessage?(message: unknown): Promise<unknown> | undefined;
}

/** Messages addressed to another extension document (the offscreen sign-in host), not requests to the background. */
/** Offscreen-document requests, and pages' keep-alive beats (lib/messaging/client.ts): not for the router. */
const isForAnotherDocument = (message: unknown) => typeof message === 'object' && message !== null && 'target' in message;

/**
 * Answers one runtime message. Extension pages get the request protocol; a
 * content script only what the content-script features accept.
 */
export function answerMessage<P extends BackgroundPorts>(wiring: Wiring<P>, message: unknown, sender: SenderInfo): Promise<unknown> | undefined {
  if (isForAnotherDocument(message)) return undefined;
  const { ports, self } = wiring;
  if (!isExtensionPage(sender, self)) return wiring.answerContentScript(message, sender, self, ports);
  const test = wiring.answerTestMessage?.(message);
  if (test) return test;
  return clockedPorts(ports)
    .then((requestPorts) => route(message, sender, self, requestPorts, wiring.handlers))
    .then((answer: Response<RequestType>) => {
      // After an unlock, a pending upload or a merge waiting for the key can proceed.
      if ((message as { type?: unknown }).type === 'vault.unlock' && answer.ok) ports.requestSync();
      return answer;
    });
}

/** Runs what an alarm is for. Every handler reads stored state: nothing is assumed from before a restart. */
export async function onAlarm<P extends BackgroundPorts>(wiring: Wiring<P>, name: string): Promise<void> {
  const { ports } = wiring;
  if (name === ALARMS.autoLock) await lockIfIdle(await clockedPorts(ports));
  if (name === ALARMS.clipboardClear) await clearCopiedCodeIfDue(ports, (text) => wiring.clearClipboard(text)).catch((error: unknown) => console.warn('Clearing the clipboard failed:', error));
  if (name === ALARMS.cloudRetry || name === ALARMS.cloudCheck) {
    await wiring.runSync();
    await wiring.showBadge(await readSyncState(ports), ports.now());
  }
}

/**
 * The periodic backup check, created once: re-creating it on every start would
 * restart its period (a worker woken more often than every 5 minutes would never
 * check) — and Firefox fires a fresh alarm at once when no delay is given.
 */
export async function ensureCloudCheckAlarm(browser: Pick<WiringBrowser, 'alarms'>): Promise<void> {
  if (await browser.alarms.get(ALARMS.cloudCheck)) return;
  await browser.alarms.create(ALARMS.cloudCheck, { delayInMinutes: CLOUD_CHECK_MINUTES, periodInMinutes: CLOUD_CHECK_MINUTES });
}

/** A storage change: the badge follows the backup state, open pages re-read what changed (docs/messaging.md). */
export async function onStorageChange<P extends BackgroundPorts>(
  wiring: Wiring<P>,
  browser: Pick<WiringBrowser, 'runtime'>,
  changes: Record<string, StorageChange>,
  area: string,
): Promise<void> {
  const topics = topicsForStorageChange(area, changes);
  // No page open: nobody to tell (the browser rejects the send).
  if (topics.length > 0) await browser.runtime.sendMessage({ kind: PAGE_EVENT_KIND, topics } satisfies PageEvent).catch(() => undefined);
  if (topics.includes('cloud')) {
    // Read back through the registry: an unreadable state leaves the badge as it is.
    const state = await readSyncState(wiring.ports).catch(() => null);
    if (state) await wiring.showBadge(state, wiring.ports.now());
  }
}

/**
 * Every start of the worker (install, browser start, or woken after being
 * killed): shows the badge, and sends what a killed worker left pending —
 * unless a retry is scheduled later (Retry-After): its alarm wakes us then.
 */
export async function resumeOnStart<P extends BackgroundPorts>(wiring: Wiring<P>): Promise<void> {
  const { ports } = wiring;
  const state = await readSyncState(ports);
  await wiring.showBadge(state, ports.now());
  const retryDue = !state.retry || state.retry.at <= ports.now();
  if (state.enabled && state.outbox && retryDue) ports.requestSync();
}

/** Wires the background to the browser: listeners first (an event may be what woke the worker), then the start-up work. */
export function wireBackground<P extends BackgroundPorts>(browser: WiringBrowser, wiring: Wiring<P>): void {
  browser.runtime.onMessage.addListener((message, sender) => answerMessage(wiring, message, sender));
  browser.alarms.onAlarm.addListener((alarm) => void onAlarm(wiring, alarm.name));
  browser.storage.onChanged.addListener((changes, area) => void onStorageChange(wiring, browser, changes, area));
  void ensureCloudCheckAlarm(browser);
  void resumeOnStart(wiring).catch((error: unknown) => console.warn('Resuming the backup failed:', error));
}
