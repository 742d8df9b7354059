/*
 * Reading and clearing the clipboard from a document without focus or a user
 * gesture: Chrome's offscreen document and Firefox's background page. Both
 * allow `execCommand('paste' | 'copy')` to an extension holding the clipboardRead
 * and clipboardWrite permissions (navigator.clipboard needs a focused document).
 */

/** The message the service worker sends the offscreen document (Chrome). */
export const CLIPBOARD_TARGET = 'hikae-offscreen-clipboard';
export interface ClipboardClearRequest {
  target: typeof CLIPBOARD_TARGET;
  text: string;
}
export const isClipboardClearRequest = (m: unknown): m is ClipboardClearRequest =>
  typeof m === 'object' && m !== null && (m as { target?: unknown }).target === CLIPBOARD_TARGET && typeof (m as { text?: unknown }).text === 'string';

function readClipboard(doc: Document): string {
  const area = doc.createElement('textarea');
  doc.body.append(area);
  try {
    area.focus();
    if (!doc.execCommand('paste')) throw new Error('The clipboard cannot be read here.');
    return area.value;
  } finally {
    area.remove();
  }
}

function writeClipboard(doc: Document, text: string): void {
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', text);
    event.preventDefault();
  };
  doc.addEventListener('copy', onCopy);
  try {
    if (!doc.execCommand('copy')) throw new Error('The clipboard cannot be written here.');
  } finally {
    doc.removeEventListener('copy', onCopy);
  }
}

/**
 * Empties the clipboard if it holds exactly `text`; returns whether it did.
 * Anything else there (the user copied something since) is left alone.
 */
export function clearClipboardIfHolds(doc: Document, text: string): boolean {
  if (readClipboard(doc) !== text) return false;
  writeClipboard(doc, '');
  return true;
}
