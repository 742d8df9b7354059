import { useEffect, useRef } from 'react';
import type { PageTopic } from '../lib/messaging/events';
import { listenToPageEvents } from './page-events';

/** {@link listenToPageEvents} for a React component, for as long as it is mounted. */
export function usePageEvents(topics: readonly PageTopic[], onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  const key = topics.join(',');
  useEffect(() => listenToPageEvents(key.split(',') as PageTopic[], () => latest.current()), [key]);
}
