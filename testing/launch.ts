import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, LaunchOptions as PuppeteerLaunchOptions } from 'puppeteer-core';
import { CHROME_EXTENSION_ID, FIREFOX_EXTENSION_UUID, GECKO_ID } from '../lib/extension-identity.js';

/*
 * Starting a real browser with the built extension — the one launcher the kit's
 * users and the repository's own end-to-end tests share. The facts behind each
 * option were found by trying (docs/testing-with-puppeteer.md "Traps").
 */

export type BrowserKind = 'chromium' | 'firefox';

/** What the launcher needs of Puppeteer: `import puppeteer from 'puppeteer'` or `'puppeteer-core'`. */
export interface PuppeteerLike {
  launch(options: PuppeteerLaunchOptions): Promise<Browser>;
}

export interface LaunchExtensionOptions {
  browser: BrowserKind;
  /** The browser binary: Chromium or Chrome for Testing (branded Chrome ignores unpacked extensions), or Firefox. */
  executablePath: string;
  /** The unpacked built extension: `.output/chrome-mv3` / `.output/firefox-mv3`, or a release zip unpacked. */
  extensionPath: string;
  /** Further unpacked extensions to load beside it (Chromium only). */
  extraExtensions?: string[];
  /** A profile to reuse (to test a restart); a fresh temporary one otherwise, removed by `close()`. */
  profileDir?: string;
  /** Default true. */
  headless?: boolean;
  /** Extra command-line arguments. */
  args?: string[];
  /** Extra Firefox preferences. */
  firefoxPrefs?: Record<string, unknown>;
  /** Accept self-signed certificates (a local HTTPS test server). Default false. */
  acceptInsecureCerts?: boolean;
  /** Extra environment for the browser process. */
  env?: Record<string, string | undefined>;
  /** Your Puppeteer module; default: `puppeteer-core`. */
  puppeteer?: PuppeteerLike;
}

export interface LaunchedExtension {
  kind: BrowserKind;
  browser: Browser;
  profileDir: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`, the same on every launch. */
  origin: string;
  /** Closes the browser and removes the profile if the launcher created it. */
  close(): Promise<void>;
}

/** Puppeteer's TargetType for a service worker, without importing Puppeteer's enum at run time (Puppeteer is the user's). */
const WORKER_TYPES: readonly string[] = ['service_worker'];

/** Chromium switches that keep a test browser quiet and self-contained. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** The extension's origin in each browser: fixed by the manifest key (Chromium) and a UUID preference (Firefox). */
export const EXTENSION_ORIGINS: Record<BrowserKind, string> = {
  chromium: `chrome-extension://${CHROME_EXTENSION_ID}/`,
  firefox: `moz-extension://${FIREFOX_EXTENSION_UUID}/`,
};

async function defaultPuppeteer(): Promise<PuppeteerLike> {
  const module = (await import('puppeteer-core')) as { default: PuppeteerLike };
  return module.default;
}

function launchChromium(puppeteer: PuppeteerLike, options: LaunchExtensionOptions, profileDir: string): Promise<Browser> {
  const headless = options.headless ?? true;
  return puppeteer.launch({
    executablePath: options.executablePath,
    headless,
    defaultViewport: headless ? undefined : null,
    // Without a pipe, Puppeteer refuses enableExtensions (and leaves Chromium running).
    pipe: true,
    enableExtensions: [options.extensionPath, ...(options.extraExtensions ?? [])].map((p) => path.resolve(p)),
    userDataDir: profileDir,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    acceptInsecureCerts: options.acceptInsecureCerts ?? false,
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
}

async function launchFirefox(puppeteer: PuppeteerLike, options: LaunchExtensionOptions, profileDir: string): Promise<Browser> {
  const headless = options.headless ?? true;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: options.executablePath,
    headless,
    defaultViewport: headless ? undefined : null,
    userDataDir: profileDir,
    // Without it, WebDriver BiDi refuses to navigate to moz-extension:// pages.
    args: ['--remote-allow-system-access', ...(options.args ?? [])],
    acceptInsecureCerts: options.acceptInsecureCerts ?? false,
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    extraPrefsFirefox: {
      // Firefox gives each add-on a random UUID unless told one: fixed, the origin is known in advance.
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      // A temporary add-on is uninstalled at shutdown; keep its storage and UUID so a
      // restart on the same profile finds the data, as a permanently installed add-on would.
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      ...options.firefoxPrefs,
    },
  });
  try {
    await browser.installExtension(path.resolve(options.extensionPath));
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}

/**
 * Starts Chromium or Firefox with the built extension loaded, on a fresh profile
 * unless one is given, and waits until the extension's background is running
 * (Chromium) or installed (Firefox, whose event page starts on the first message).
 */
export async function launchExtension(options: LaunchExtensionOptions): Promise<LaunchedExtension> {
  if (!fs.existsSync(path.join(options.extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${options.extensionPath} (manifest.json missing): build it first, or unzip a release there.`);
  }
  const ownProfile = options.profileDir === undefined;
  const profileDir = options.profileDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `hikae-${options.browser}-`));
  const puppeteer = options.puppeteer ?? (await defaultPuppeteer());
  const kind = options.browser;
  const browser = kind === 'chromium' ? await launchChromium(puppeteer, options, profileDir) : await launchFirefox(puppeteer, options, profileDir);
  const origin = EXTENSION_ORIGINS[kind];
  if (kind === 'chromium') {
    await browser.waitForTarget((t) => WORKER_TYPES.includes(t.type()) && t.url().startsWith(origin), { timeout: 20_000 });
  }
  return {
    kind,
    browser,
    profileDir,
    origin,
    async close() {
      await browser.close();
      if (ownProfile) fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
