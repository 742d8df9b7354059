import { browser } from './extension-api';
import { createClient, KEEP_ALIVE_MESSAGE } from '../lib/messaging/client';

/** Requests to the background, from the popup and the options page; a long one keeps the background awake. */
export const request = createClient((message) => browser.runtime.sendMessage(message), {
  // Nobody answers it: the rejection ("no receiving end") is expected.
  keepAlive: () => void browser.runtime.sendMessage(KEEP_ALIVE_MESSAGE).catch(() => undefined),
});
