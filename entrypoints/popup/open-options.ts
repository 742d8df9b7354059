import { browser } from '../../components/extension-api';

/** Opens a section of the options page (the popup closes when it loses focus). */
export function openOptions(section: string): void {
  // Closed only once the tab exists: Firefox drops a call still pending from a closing page.
  void browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}#${section}` }).finally(() => window.close());
}
