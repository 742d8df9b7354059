/** The subset of chrome.offscreen used here (not in webextension-polyfill's types). */
interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
}
interface RuntimeContexts {
  getContexts?(filter: { contextTypes: string[] }): Promise<unknown[]>;
}

const OFFSCREEN_PATH = '/offscreen.html';

/**
 * Creates Chrome's offscreen document unless it exists (one per extension). It
 * serves two things, so it declares both reasons whichever asks first: MSAL's
 * token cache in localStorage (the worker has none) and clearing a copied code
 * from the clipboard (the worker has no clipboard).
 */
export async function ensureOffscreenDocument(): Promise<void> {
  const chromeApi = (globalThis as unknown as { chrome: { offscreen: OffscreenApi; runtime: RuntimeContexts } }).chrome;
  const existing = await chromeApi.runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
  if (existing && existing.length > 0) return;
  try {
    await chromeApi.offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['LOCAL_STORAGE', 'CLIPBOARD'],
      justification: 'Run the Microsoft sign-in library (token cache in localStorage) for OneDrive backup, and clear a copied one-time code from the clipboard.',
    });
  } catch (error) {
    // Two events racing to create it: the loser finds it there.
    if (!/single offscreen|already exists/i.test(String(error))) throw error;
  }
}
