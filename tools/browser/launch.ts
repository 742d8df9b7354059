import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { launchExtension } from '../../testing/launch';
import { BROWSER_PATHS, BUILD_DIRS, type BrowserKind } from './config';
import { openExtensionPage } from './pages';

export interface LaunchOptions {
  /** Reuse a profile (to test a browser restart); a fresh temporary one otherwise. */
  profileDir?: string;
  /** UI language, e.g. 'ja'. */
  lang?: string;
  /** Show the browser window (`npm start`); tests run headless. */
  headed?: boolean;
  /**
   * The browser as its users have it (`npm start`): no test-only settings such as
   * Firefox's 2 s background idle timeout. Default false (tests).
   */
  userSettings?: boolean;
  /** Further unpacked extensions to load beside ours (Chromium only; the bench's floor popup). */
  extraExtensions?: string[];
  /**
   * Host names that resolve to 127.0.0.1 (e2e sign-in sites on `.test` hosts):
   * Chromium `--host-resolver-rules`, Firefox `network.dns.localDomains`.
   */
  localHosts?: readonly string[];
  /**
   * The system's colour scheme the pages see (`prefers-color-scheme`): Chromium
   * `--force-dark-mode`, Firefox `ui.systemUsesDarkTheme`. Default: the browser's (light).
   */
  colorScheme?: 'dark';
}

/** A real browser with the built extension loaded, and what tests need to drive it. */
export interface ExtensionBrowser {
  kind: BrowserKind;
  browser: Browser;
  profileDir: string;
  /** chrome-extension://<id>/ or moz-extension://<uuid>/ */
  origin: string;
  /** Opens an extension page (e.g. 'popup.html', 'options.html#add') in a new tab and waits until it has rendered. */
  open(pagePath: string): Promise<Page>;
  /** Everything in extension storage ('local' or 'session'), read as the extension itself would. */
  readStorage(area: 'local' | 'session'): Promise<Record<string, unknown>>;
  /** Stops the background (Chromium: terminates the service worker; Firefox: suspends the event page). */
  stopBackground(): Promise<void>;
  close(): Promise<void>;
}

/** Idle time after which Firefox suspends the event page in tests, in milliseconds. */
const FIREFOX_BACKGROUND_IDLE_MS = 2000;

const hostRules = (hosts: readonly string[]) => (hosts.length > 0 ? [`--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1`).join(',')}`] : []);

/** The kit's launcher (testing/launch.ts) with this repository's builds, browsers and test settings. */
function launch(kind: BrowserKind, profileDir: string, options: LaunchOptions) {
  const lang = options.lang;
  const localHosts = options.localHosts ?? [];
  return launchExtension({
    browser: kind,
    executablePath: BROWSER_PATHS[kind],
    extensionPath: BUILD_DIRS[kind],
    extraExtensions: options.extraExtensions ?? [],
    profileDir,
    headless: !(options.headed ?? false),
    puppeteer,
    // The cloud emulator's certificate is self-signed.
    args: kind === 'chromium' ? ['--ignore-certificate-errors', ...(lang ? [`--lang=${lang}`] : []), ...hostRules(localHosts), ...(options.colorScheme === 'dark' ? ['--force-dark-mode'] : [])] : [],
    ...(kind === 'chromium' && lang ? { env: { LANGUAGE: lang, LANG: `${lang}_JP.UTF-8` } } : {}),
    firefoxPrefs: {
      // Suspend the idle event page quickly, as Firefox does after 30 s in real use:
      // every test then also proves the background keeps no state of its own.
      ...(options.userSettings ? {} : { 'extensions.background.idle.timeout': FIREFOX_BACKGROUND_IDLE_MS }),
      ...(lang ? { 'intl.locale.requested': lang } : {}),
      ...(localHosts.length > 0 ? { 'network.dns.localDomains': localHosts.join(',') } : {}),
      ...(options.colorScheme === 'dark' ? { 'ui.systemUsesDarkTheme': 1 } : {}),
    },
    acceptInsecureCerts: true,
  });
}

/** Starts the given browser with the built extension. */
export async function launchWithExtension(kind: BrowserKind, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const profileDir = options.profileDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `hikae-${kind}-`));
  // The harness keeps the profile after close: restart tests launch again on it.
  const { browser, origin } = await launch(kind, profileDir, options);

  const handle: ExtensionBrowser = {
    kind,
    browser,
    profileDir,
    origin,
    open: (pagePath) => openExtensionPage(handle, pagePath),
    async readStorage(area) {
      const page = await openExtensionPage(handle, 'popup.html', { waitForRender: false });
      try {
        return await page.evaluate(async (a) => {
          type StorageApi = { storage: Record<string, { get(keys: null): Promise<Record<string, unknown>> }> };
          const scope = globalThis as unknown as { browser?: StorageApi; chrome: StorageApi };
          return (scope.browser ?? scope.chrome).storage[a]!.get(null);
        }, area);
      } finally {
        await page.close();
      }
    },
    async stopBackground() {
      if (kind === 'chromium') {
        const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(origin));
        const session = await browser.target().createCDPSession();
        await session.send('Target.closeTarget', { targetId: (target as unknown as { _targetId: string })._targetId });
        await session.detach();
        // Wait until the browser reports it gone.
        for (let i = 0; i < 50; i++) {
          if (!browser.targets().some((t) => t.type() === 'service_worker' && t.url().startsWith(origin))) return;
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error('The service worker did not stop.');
      }
      // Firefox suspends an idle event page after extensions.background.idle.timeout
      // (set short for tests below); with no extension page open, waiting past it stops it.
      for (const page of await browser.pages()) if (page.url().startsWith(origin)) await page.close();
      await new Promise((r) => setTimeout(r, FIREFOX_BACKGROUND_IDLE_MS * 2 + 500));
    },
    close: () => browser.close(),
  };
  return handle;
}
