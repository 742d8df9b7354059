import { isPageEvent, type PageTopic } from '../lib/messaging/events';
import { browser } from './extension-api';

/**
 * Calls `onChange` whenever the background reports a change to one of `topics`
 * (lib/messaging/events.ts), so an open page follows the background live —
 * without polling, which would also keep the vault from locking itself.
 * Returns the function that stops listening.
 */
export function listenToPageEvents(topics: readonly PageTopic[], onChange: () => void): () => void {
  const wanted = new Set<string>(topics);
  const listener = (message: unknown) => {
    if (isPageEvent(message) && message.topics.some((topic) => wanted.has(topic))) onChange();
    // Not an answer: other listeners (and the background) must not wait on this page.
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
