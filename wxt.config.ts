import { defineConfig } from 'wxt';
import { fileURLToPath } from 'node:url';
import { CHROME_PUBLIC_KEY, EMULATOR_CLIENT_ID, GECKO_ID, STORE_PACKAGE_ENV } from './lib/extension-identity';
import { SQLITE_WASM_FILE } from './lib/import/sqlite-wasm-file';
import { ZXING_WASM_FILE } from './lib/qr/zxing-reader-file';
import { chunkModules } from './tools/build/chunk-modules';
import { libraryPatches } from './tools/build/library-patches';

// Content Security Policy for extension pages and the background. WebAssembly
// (Argon2id from hash-wasm) is blocked in extension contexts of both browsers
// unless 'wasm-unsafe-eval' is allowed; nothing else is loosened.
const EXTENSION_PAGES_CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'";

/** sql.js's WebAssembly, packaged under the name its browser build asks for (see lib/import/sqlite-wasm-file.ts). */
const SQLITE_WASM_SOURCE = fileURLToPath(new URL('./node_modules/sql.js/dist/sql-wasm-browser.wasm', import.meta.url));

/** ZXing's WebAssembly (lib/qr/zxing-reader.ts), packaged so it is never fetched from a CDN. */
const ZXING_WASM_SOURCE = fileURLToPath(new URL('./node_modules/zxing-wasm/dist/reader/zxing_reader.wasm', import.meta.url));

/** The emulator's address in development and test builds (ms-cloud-emulator/, `npm start`). */
const EMULATOR_ORIGIN = 'https://localhost:8443';

/**
 * Where sign-in and the backup go. Production builds: Microsoft, with the client
 * id of the builder's app registration (README "Register a Microsoft app").
 * Development and test builds: the local emulator. Each may be overridden with
 * WXT_MS_CLIENT_ID, WXT_MS_AUTHORITY and WXT_GRAPH_BASE_URL.
 */
function cloudConfig(mode: string) {
  const production = mode === 'production';
  return {
    clientId: process.env.WXT_MS_CLIENT_ID ?? (production ? '' : EMULATOR_CLIENT_ID),
    authority: process.env.WXT_MS_AUTHORITY ?? (production ? 'https://login.microsoftonline.com/consumers' : `${EMULATOR_ORIGIN}/consumers`),
    graphBaseUrl: process.env.WXT_GRAPH_BASE_URL ?? (production ? 'https://graph.microsoft.com/v1.0' : `${EMULATOR_ORIGIN}/v1.0`),
  };
}

/**
 * Hosts the background may call with credentials: the identity provider and Graph,
 * and OneDrive's pre-authenticated download hosts (Graph redirects file content
 * there). Host access also lets the extension read Retry-After, which Graph's CORS
 * headers don't expose.
 */
function cloudHosts(mode: string): string[] {
  const { authority, graphBaseUrl } = cloudConfig(mode);
  const hosts = new Set([`${new URL(authority).origin}/*`, `${new URL(graphBaseUrl).origin}/*`]);
  // Personal accounts only (the authority is /consumers): Graph redirects their file content to
  // my.microsoftpersonalcontent.com (older drives: *.files.1drv.com). Work and school drives
  // (*.sharepoint.com) are not supported, so their hosts are not asked for (docs/store.md).
  if (mode === 'production') for (const h of ['https://my.microsoftpersonalcontent.com/*', 'https://*.1drv.com/*']) hosts.add(h);
  return [...hosts];
}

/**
 * QR capture (docs/page-scanning.md): "Scan this page", its shortcut and the image
 * context menu act on the tab the user points at (activeTab + scripting); reading
 * every site is asked for only when the user turns automatic detection on.
 */
const SCAN_PERMISSIONS = ['activeTab', 'scripting', 'contextMenus'];
const SCAN_MANIFEST = {
  optional_host_permissions: ['<all_urls>'],
  commands: {
    'scan-page': { suggested_key: { default: 'Alt+Shift+Q' }, description: '__MSG_scanCommand__' },
    // Filling (docs/autofill.md): the same activeTab + scripting, on the gesture; no host permission.
    'fill-code': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_fillCommand__' },
  },
};

export default defineConfig({
  vite: (env) => ({
    define: {
      __CLOUD_CONFIG__: JSON.stringify(cloudConfig(env.mode)),
      // The testing kit's clock exists in test builds only (lib/build-flags.ts).
      __TEST_HOOKS__: JSON.stringify(env.mode === 'test'),
    },
    plugins: [libraryPatches(), chunkModules()],
  }),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  publicDir: 'assets/public',
  hooks: {
    // The toolbar button's tooltip in the user's language. WXT takes default_title from
    // the popup's <title>, which can't hold a __MSG_…__ reference (pages show it as is).
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_extName__';
    },
    // SQLite's WebAssembly for importing Microsoft Authenticator databases
    // (docs/transfer.md): copied as is; the background compiles it only when such a
    // file is imported.
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: SQLITE_WASM_SOURCE, relativeDest: SQLITE_WASM_FILE });
      files.push({ absoluteSrc: ZXING_WASM_SOURCE, relativeDest: ZXING_WASM_FILE });
    },
  },
  // Firefox's source package for addons.mozilla.org: what the build needs, not tests or benchmarks.
  zip: { excludeSources: ['tests/**', 'bench/**', 'docs/screenshots/**'] },
  manifestVersion: 3,
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    action: {
      default_icon: { 16: 'icons/16.png', 32: 'icons/32.png' },
      // Firefox: on the toolbar from the start, not in the extensions menu (Chrome has no equivalent).
      ...(browser === 'firefox' ? { default_area: 'navbar' } : {}),
    },
    // identity: the Microsoft sign-in window; offscreen (Chrome): a document to run
    // msal-browser in, which the service worker can't, and to clear the clipboard;
    // clipboardRead: a copied code is cleared only if the clipboard still holds it.
    permissions: ['storage', 'alarms', 'clipboardWrite', 'clipboardRead', 'identity', ...(browser === 'firefox' ? [] : ['offscreen']), ...SCAN_PERMISSIONS],
    host_permissions: cloudHosts(mode),
    ...SCAN_MANIFEST,
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140 (ESR): the first release that reads data_collection_permissions, which
              // addons.mozilla.org requires of new extensions; Firefox for Android from 142.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // The key fixes the extension id of unpacked installs (README redirect URI). The Chrome
          // Web Store refuses a manifest with a key and assigns its own id: store packages
          // (`npm run zip`, tools/store-zip.ts) leave it out (docs/store.md).
          ...(process.env[STORE_PACKAGE_ENV] === '1' ? {} : { key: CHROME_PUBLIC_KEY }),
          minimum_chrome_version: '116',
        }),
  }),
});
