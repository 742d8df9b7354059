import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { FILL_REQUEST_KIND, type FillReply, type FillRequestMessage } from '../lib/autofill/fill-messages';
import { findCodeTarget, type FinderEnv } from '../lib/autofill/find-fields';
import { MIN_FILL_SCORE } from '../lib/autofill/pick-frame';
import { pressEnter, writeCode } from '../lib/autofill/write-code';

/*
 * The fill script (docs/autofill.md), injected on a gesture only, into each frame
 * activeTab reaches (scripting.executeScript; never a registered content script).
 * Injected, it answers a description of the best code field — score, focus, boxes,
 * its frame's URL — and nothing of the page. Told to fill (the background calls
 * `hikaeFill` in the chosen frame), it asks the background for the digits from
 * inside this frame, so the browser vouches for where the request came from, and
 * types them. It adds no element, attribute or listener to the page.
 */

/** Visible: rendered (no display:none, visibility:hidden, content-visibility), not transparent, with a size. */
const env: FinderEnv = {
  isVisible(element) {
    const box = element.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) return false;
    const check = (element as Element & { checkVisibility?: (options: object) => boolean }).checkVisibility;
    if (check) return check.call(element, { checkOpacity: true, checkVisibilityCSS: true });
    const style = getComputedStyle(element);
    return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0;
  },
};

/** What the background learns from the probe: no value, no name, no text of the page. */
function probe() {
  const target = findCodeTarget(document, env, MIN_FILL_SCORE);
  return { score: target?.score ?? 0, focused: target?.focused ?? false, boxes: target?.inputs.length ?? 0, url: location.href };
}

/** Waits `waitMs` (a fresh code, docs/autofill.md step 4), then asks for the digits and types them. */
async function fillNow(waitMs = 0) {
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
  const target = findCodeTarget(document, env, MIN_FILL_SCORE);
  if (!target) return { filled: false, boxes: 0, pressedEnter: false };
  const reply = await browser.runtime.sendMessage<FillRequestMessage, FillReply | undefined>({ kind: FILL_REQUEST_KIND });
  if (!reply?.ok) return { filled: false, boxes: 0, pressedEnter: false };
  const boxes = writeCode(target.inputs, reply.digits);
  const last = target.inputs.at(-1);
  if (boxes > 0 && reply.pressEnter && last) pressEnter(last);
  return { filled: boxes > 0, boxes, pressedEnter: boxes > 0 && reply.pressEnter };
}

export default defineUnlistedScript(() => {
  // Reachable from the extension only: this is the content script's isolated world, not the page's.
  (globalThis as { hikaeFill?: (waitMs: number) => Promise<unknown> }).hikaeFill = fillNow;
  return probe();
});
