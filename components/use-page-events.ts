import { useEffect, useRef } from 'react';
import { browser } from 'wxt/browser';
import { isPageEvent, type PageTopic } from '../lib/messaging/events';

/**
 * Calls `onChange` whenever the background reports a change to one of `topics`
 * (lib/messaging/events.ts), so an open page follows the background live —
 * without polling, which would also keep the vault from locking itself.
 */
export function usePageEvents(topics: readonly PageTopic[], onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  const key = topics.join(',');
  useEffect(() => {
    const wanted = new Set(key.split(','));
    const listener = (message: unknown) => {
      if (isPageEvent(message) && message.topics.some((topic) => wanted.has(topic))) latest.current();
      // Not an answer: other listeners (and the background) must not wait on this page.
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [key]);
}
