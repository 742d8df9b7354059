/**
 * Fixed identities of the extension in each browser. They make the extension id,
 * and therefore the OAuth redirect URI registered with Microsoft, the same on every
 * install (see README "Register a Microsoft app").
 */

/** Public half of the RSA key that fixes the Chrome extension id. The private key is not needed to load the extension unpacked and is not kept. */
export const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEApNMCrUDJ4SO1kiImrq5T8fhCCazBiWTp3orFn/lXkK4+bhirn3GBKgaPx/OzWgGm0E6hUGVwI6Vay1soOhxSJ/VxPPPces9shwIMSsmnm4GuD8BnIjjCKGbZTvinoow4Q5thr603ken5PEOwR+frruoivzo/sRXxl9QHdlQi1uGvpJ5RiZGZc0ijV/vIZKxRcdwF/FoURFwvzBGiSK/hZGdHSRFvCBcod/WFiSNMchXq+dSwTruRkbt/wY5rD6nItc0/htJenhKmDfGi/5I3yzoEkWLRMv6kughYwxmakYMZ9QSWPxIgfibDv7jIRUnR7nKGJM1b75IKGbqpX9MD7QIDAQAB';

/** The Chrome extension id that CHROME_PUBLIC_KEY yields. */
export const CHROME_EXTENSION_ID = 'eogbjicbkhkpgcmhlohbphjkfdnaicfp';

/** Firefox add-on id (browser_specific_settings.gecko.id). */
export const GECKO_ID = 'hikae-authenticator@hikae.example';

/** Any GUID works with the local cloud emulator; this one marks emulator builds (never a store package). */
export const EMULATOR_CLIENT_ID = '00000000-0000-4000-8000-00000000e2e0';

/** Set to "1" by `npm run zip` (tools/store-zip.ts): the build is a store package (no manifest `key`). */
export const STORE_PACKAGE_ENV = 'HIKAE_STORE_PACKAGE';

/**
 * Firefox gives each add-on a random internal UUID unless told one (the
 * `extensions.webextensions.uuids` preference): fixing it keeps moz-extension:// URLs —
 * and the add-on's storage — the same across restarts. Test launches only.
 */
export const FIREFOX_EXTENSION_UUID = '8f4d6c2a-3b1e-4f5a-9c7d-2e6b1a0f9d31';
