import { COPIED_CODE_ITEM, readItem, removeItem, writeItem } from '../../storage';
import type { BackgroundPorts, Handler, HandlersFor } from '../core';
import type { CLIPBOARD_REQUESTS } from '../../messaging/requests/clipboard';
import { readContents } from '../vault';
import { clipboardClearSecondsOf } from '../../vault/settings';
import { recordUse } from '../display';

/*
 * A copied code leaves the clipboard after the user's delay (Settings
 * .clipboardClearSeconds, default 30 s) — but only if the clipboard still holds
 * it: whatever the user copied since is theirs. The pending clear lives in
 * storage.session and an alarm (the worker may die meanwhile); the reading and
 * clearing is the browser's (Chrome: the offscreen document; Firefox: the
 * background page), passed in as `clearIfHolds`.
 */

/** The popup copied `text` (a code): schedule its clearing, or forget any earlier one when the user chose "never". */
export const clipboardCopied: Handler<'clipboard.copied'> = async ({ text, id }, ports) => {
  if (id !== undefined) await recordUse(ports, id);
  const clipboardClearSeconds = clipboardClearSecondsOf((await readContents(ports)).settings);
  if (clipboardClearSeconds === 0) {
    await removeItem(ports.session, COPIED_CODE_ITEM);
    await ports.scheduleClipboardClear(null);
    return null;
  }
  const clearAt = ports.now() + clipboardClearSeconds * 1000;
  await writeItem(ports.session, COPIED_CODE_ITEM, { text, clearAt });
  await ports.scheduleClipboardClear(clearAt);
  return null;
};

/** What happened when the clipboard alarm fired. */
export type ClipboardClearOutcome = 'nothing-pending' | 'not-yet' | 'cleared' | 'kept-other-content';

/**
 * Called when the clipboard alarm fires: clears the copied code if its time has
 * come and the clipboard still holds it. The pending record is dropped either way
 * (a failing clear is not retried forever: the clipboard may be unreadable).
 */
export async function clearCopiedCodeIfDue(
  ports: BackgroundPorts,
  clearIfHolds: (text: string) => Promise<boolean>,
): Promise<ClipboardClearOutcome> {
  const pending = await readItem(ports.session, COPIED_CODE_ITEM).catch(() => null);
  if (!pending) return 'nothing-pending';
  if (ports.now() < pending.clearAt) {
    await ports.scheduleClipboardClear(pending.clearAt);
    return 'not-yet';
  }
  try {
    return (await clearIfHolds(pending.text)) ? 'cleared' : 'kept-other-content';
  } finally {
    await removeItem(ports.session, COPIED_CODE_ITEM);
  }
}

export const CLIPBOARD_HANDLERS: HandlersFor<typeof CLIPBOARD_REQUESTS> = {
  'clipboard.copied': clipboardCopied,
};
