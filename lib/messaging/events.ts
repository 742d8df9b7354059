/*
 * Background → page events (docs/messaging.md): when stored state changes — the
 * vault locks or unlocks, accounts change (an edit in another tab, a merge from
 * another device), the cloud backup's state moves — the background tells every
 * open extension page what changed, and each page reads it again with passive
 * requests. Nothing secret is in an event, and no page polls.
 */

/** What changed: the lock state, the accounts, or the cloud backup's state. */
export type PageTopic = 'vault' | 'accounts' | 'cloud';

export const PAGE_EVENT_KIND = 'hikae.changed';

/** The one message the background sends to pages (runtime.sendMessage, no answer expected). */
export interface PageEvent {
  kind: typeof PAGE_EVENT_KIND;
  topics: PageTopic[];
}

const TOPICS: readonly string[] = ['vault', 'accounts', 'cloud'] satisfies PageTopic[];
const isTopic = (topic: unknown): topic is PageTopic => typeof topic === 'string' && TOPICS.includes(topic);

export function isPageEvent(message: unknown): message is PageEvent {
  if (typeof message !== 'object' || message === null) return false;
  if (!('kind' in message) || message.kind !== PAGE_EVENT_KIND || !('topics' in message)) return false;
  return Array.isArray(message.topics) && message.topics.every(isTopic);
}
