import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator } from '../ms-cloud-emulator/server.ts';
import { CHROME_EXTENSION_ID } from '../lib/extension-identity';
import { BROWSER_PATHS, ROOT, type BrowserKind } from './browser/config';
import { launchWithExtension } from './browser/launch';

/*
 * `npm start`: the product, running. Starts the local Microsoft cloud emulator,
 * builds the extension against it, and opens a browser window with the extension
 * loaded in a profile kept in .profiles/ (so accounts survive between runs).
 *   npm start                 Chromium
 *   npm start -- --firefox    Firefox
 */

const { values } = parseArgs({ options: { firefox: { type: 'boolean', default: false }, lang: { type: 'string' } } });
const kind: BrowserKind = values.firefox ? 'firefox' : 'chromium';

if (!fs.existsSync(BROWSER_PATHS[kind])) {
  console.error(`${BROWSER_PATHS[kind]} was not found. Install it (as root, or with sudo): apt-get install -y ${kind === 'firefox' ? 'firefox-esr' : 'chromium'} (or set ${kind === 'firefox' ? 'FIREFOX_PATH' : 'CHROME_PATH'}).`);
  process.exit(1);
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('No display: run it from a desktop session, or under a virtual one: xvfb-run npm start');
  process.exit(1);
}

const emulator = await startEmulator({ port: 8443, dataDir: path.join(ROOT, '.emulator-data') });
console.log(`Microsoft cloud emulator: ${emulator.url} (test users: alice@example.com, bob@example.com, carol@example.com — password "password")`);

// A production build (React, minification) pointing at the emulator, like the tests use.
execSync(`npx wxt build --mode test${kind === 'firefox' ? ' -b firefox' : ''}`, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });

const profileDir = path.join(ROOT, '.profiles', kind);
fs.mkdirSync(profileDir, { recursive: true });
if (kind === 'chromium') pinInChromium(profileDir);
// The browser as people use it: none of the tests' settings (Firefox's 2 s background idle timeout).
const ext = await launchWithExtension(kind, { profileDir, headed: true, lang: values.lang, userSettings: true });
const blank = await ext.browser.pages();
await ext.open('options.html');
// One window with one tab: the start page the browser opened is not needed.
for (const page of blank) if (page.url() === 'about:blank') await page.close().catch(() => undefined);
console.log(`${kind} is running with the extension. Close the window or press Ctrl+C to stop.`);

/**
 * Pins the extension's icon on Chromium's toolbar, as a user would after installing
 * it: extensions have no API for this, but the profile's preferences list the pinned
 * ones. (Firefox: the manifest's `default_area: "navbar"` puts the icon on the toolbar.)
 */
function pinInChromium(profile: string): void {
  const file = path.join(profile, 'Default', 'Preferences');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let preferences: { extensions?: { pinned_extensions?: string[] } } = {};
  try {
    preferences = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof preferences;
  } catch {
    // A new profile: start from nothing.
  }
  const pinned = preferences.extensions?.pinned_extensions ?? [];
  if (pinned.includes(CHROME_EXTENSION_ID)) return;
  preferences.extensions = { ...preferences.extensions, pinned_extensions: [...pinned, CHROME_EXTENSION_ID] };
  fs.writeFileSync(file, JSON.stringify(preferences));
}

const stop = async () => {
  await ext.close().catch(() => undefined);
  await emulator.close();
  process.exit(0);
};
ext.browser.on('disconnected', () => void stop());
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
