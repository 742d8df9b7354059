import { browser } from 'wxt/browser';
import { clearClipboardIfHolds, CLIPBOARD_TARGET, type ClipboardClearRequest } from '../offscreen/dom-clipboard';
import { ensureOffscreenDocument } from './offscreen-document';

/**
 * Empties the clipboard if it still holds `text`: in Firefox right here (the
 * background is a page with a DOM), in Chrome through the offscreen document.
 */
export async function clearClipboardIfStillHolds(text: string): Promise<boolean> {
  if (import.meta.env.FIREFOX) return clearClipboardIfHolds(document, text);
  await ensureOffscreenDocument();
  const request: ClipboardClearRequest = { target: CLIPBOARD_TARGET, text };
  const answer = await browser.runtime.sendMessage<typeof request, { ok: true; cleared: boolean } | { ok: false; message: string } | undefined>(request);
  if (!answer) throw new Error('The offscreen document did not answer.');
  if (!answer.ok) throw new Error(answer.message);
  return answer.cleared;
}
