import { browser } from 'wxt/browser';
import { FillInterruptedError, FillPageRefusedError, type FillPorts } from '../../lib/background/fill';

/*
 * Filling's browser side (docs/autofill.md): the tab's URL and the fill script,
 * run with scripting.executeScript under the activeTab grant of the gesture. No
 * host permission: frames activeTab does not reach (other origins) get no script.
 */

/** The fill script, as WXT builds entrypoints/fill-page.ts. */
const FILL_SCRIPT = '/fill-page.js';

export function createFillPorts(): FillPorts {
  return {
    async tabUrl(tabId) {
      try {
        return (await browser.tabs.get(tabId)).url ?? null;
      } catch {
        return undefined;
      }
    },

    async probe(tabId) {
      try {
        const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [FILL_SCRIPT] });
        return results.map((r) => ({ frameId: r.frameId, result: r.result }));
      } catch (error) {
        throw new FillPageRefusedError('not-scriptable', null, { cause: error });
      }
    },

    async write(tabId, frameId, waitMs) {
      try {
        const [first] = await browser.scripting.executeScript({
          target: { tabId, frameIds: [frameId] },
          // Runs in the frame's isolated world, where the probe left hikaeFill.
          func: (ms: number) => (globalThis as { hikaeFill?: (waitMs: number) => Promise<unknown> }).hikaeFill?.(ms) ?? null,
          args: [waitMs],
        });
        return first?.result;
      } catch (error) {
        throw new FillInterruptedError(undefined, { cause: error });
      }
    },

  };
}
