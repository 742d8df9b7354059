/*
 * Browser events for the wiring tests (scan/, fill/): WXT's fake browser does not
 * implement commands, contextMenus or permissions, so each event is a small fake
 * the test fires by hand.
 */

/** An event whose listeners the test fires. */
export function fakeEvent<A extends unknown[]>() {
  const listeners: ((...args: A) => void)[] = [];
  return {
    addListener: (listener: (...args: A) => void) => void listeners.push(listener),
    fire: (...args: A) => {
      for (const listener of listeners) listener(...args);
    },
  };
}

/** Lets the listeners' async work finish when nothing is expected to happen (or nothing else to wait on). */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
