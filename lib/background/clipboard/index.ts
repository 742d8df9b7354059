/** The clipboard feature: a copied code is cleared after the user's delay if still there. */
export { CLIPBOARD_HANDLERS, clearCopiedCodeIfDue, clipboardCopied, type ClipboardClearOutcome } from './handlers';
