/*
 * Gives the page a turn between pieces of the collector's work. A task-level yield
 * (scheduler.yield, a MessageChannel) lets input through but not painting: Chrome
 * runs queued tasks first and forces a frame only after 100 ms, so a page being
 * scanned painted at ~8 frames a second. Waiting for the next animation frame lets
 * the page paint; a timeout keeps a tab hidden meanwhile (no frames) from stalling.
 */

/** Longest wait for a frame, ms: hidden tabs never paint. */
const FRAME_WAIT_MS = 50;

export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(finish, FRAME_WAIT_MS);
    requestAnimationFrame(() => setTimeout(finish, 0));
  });
}
