/*
 * Gives the page's event loop a turn (input, rendering) between pieces of the
 * collector's work. A private MessageChannel, not setTimeout: timers are clamped
 * to 4 ms when nested, which would make a hundred yields cost 0.4 s of idling.
 */

let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(null);
  });
}
