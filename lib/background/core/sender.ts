/** Who sent a message, as the browser reports it (runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
}

export interface ExtensionIdentity {
  /** runtime.id */
  id: string;
  /** runtime.getURL('/'), e.g. chrome-extension://<id>/ */
  origin: string;
}

/**
 * Only the extension's own pages (popup, options) may use this protocol. Content
 * scripts also carry our extension id, but their URL is the web page's: refused.
 */
export function isExtensionPage(sender: SenderInfo, self: ExtensionIdentity): boolean {
  return sender.id === self.id && typeof sender.url === 'string' && sender.url.startsWith(self.origin);
}
