import { browser } from 'wxt/browser';
import { createClient } from '../lib/messaging/client';

/** Requests to the background, from the popup and the options page. */
export const request = createClient((message) => browser.runtime.sendMessage(message));
