import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { WATCH_LIMITS, WATCH_MESSAGE_KIND } from '../lib/scan/scan-limits';
import { collectReport } from './scan-dom/collect';

/*
 * Automatic detection (off by default; docs/page-scanning.md): registered as a
 * content script on every page only while the user has it on. Cheap passes over
 * the page while it is visible — when idle, then after DOM changes and image
 * loads — each sending the one message a content script sends when it found
 * QR-like images. It never learns what they hold.
 */
export default defineUnlistedScript(() => {
  const seen = { elements: new WeakSet<Element>(), urls: new Set<string>() };
  let passes = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  let running = false;

  const observer = new MutationObserver(() => schedule());

  function stop() {
    observer.disconnect();
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  }

  // At most one pass waiting: a page that changes all the time (an animation) gets a
  // pass every debounceMs, not one postponed forever.
  function schedule(delayMs: number = WATCH_LIMITS.debounceMs) {
    if (passes >= WATCH_LIMITS.maxPassesPerPage) return stop();
    if (pending) return;
    pending = true;
    timer = setTimeout(() => {
      pending = false;
      void pass();
    }, delayMs);
  }

  function onVisibility() {
    // Hidden tabs do no work; a tab shown again gets a pass for what changed meanwhile.
    if (document.visibilityState === 'hidden') {
      clearTimeout(timer);
      pending = false;
      observer.disconnect();
    } else {
      observe();
      schedule(0);
    }
  }

  function observe() {
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'srcset', 'style', 'class'] });
  }

  async function pass() {
    if (running || document.visibilityState === 'hidden') return;
    running = true;
    try {
      passes += 1;
      const report = await collectReport(document, {
        maxCandidates: WATCH_LIMITS.maxCandidates,
        budgetMs: WATCH_LIMITS.collectBudgetMs,
        waitForImagesMs: 0,
        includeRegions: false,
        seen,
        onPending: (image) => image.addEventListener('load', () => schedule(), { once: true }),
      });
      if (report.candidates.length > 0) await browser.runtime.sendMessage({ kind: WATCH_MESSAGE_KIND, report });
      if (report.truncated) schedule();
    } catch {
      // The extension was reloaded or the background refused: nothing for the page to know.
    } finally {
      running = false;
    }
    if (passes >= WATCH_LIMITS.maxPassesPerPage) stop();
  }

  document.addEventListener('visibilitychange', onVisibility);
  if (document.visibilityState !== 'hidden') {
    observe();
    schedule(0);
  }
});
