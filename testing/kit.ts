import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { accountsForPage } from '../lib/autofill/site-match.js';
import { readPageAddress } from '../lib/autofill/page-address.js';
import type { AccountView, CodeView, ImportPreview, ImportSource, Payload, RequestType, Response, ResponseValue } from '../lib/messaging/protocol.js';
import { accountLabel, resolveAccount } from './account-ref.js';
import { createDriver, type Driver } from './driver.js';
import { HikaeKitError } from './errors.js';
import { grantPage } from './fill.js';
import { checkMinSecondsLeft, msUntilFreshCode, secondsLeft } from './fresh-code.js';
import { launchExtension, type LaunchExtensionOptions, type LaunchedExtension } from './launch.js';
import { checkLinkSites, linkUri, sitesOfLinks } from './link-sites.js';
import type { AccountLink, AccountRef, ExportFile, KitAccount, KitCode, KitFill, ProvisionOptions } from './types.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function toKitAccount(view: AccountView): KitAccount {
  return {
    id: view.id,
    issuer: view.issuer,
    accountName: view.accountName,
    type: view.type,
    algorithm: view.algorithm,
    digits: view.digits,
    period: view.period,
    counter: view.counter,
    sites: [...(view.sites ?? [])],
  };
}

function fileSource(file: ExportFile): ImportSource {
  if (typeof file === 'string') return { fileName: path.basename(file), bytesBase64: fs.readFileSync(file).toString('base64') };
  return { ...(file.name ? { fileName: file.name } : {}), bytesBase64: Buffer.from(file.bytes).toString('base64') };
}

/** Why an import preview would not add every entry, in one sentence per entry. */
function skippedEntries(preview: ImportPreview): string[] {
  return preview.skipped.map((s) => `${s.label}: ${s.message}`);
}

/**
 * The extension in a running browser, driven through its own protocol. Create
 * it with {@link launch} (a fresh browser) or {@link attach} (a browser you
 * launched with {@link launchExtension}).
 */
export class HikaeExtension {
  /** The browser; open your app's pages with `hikae.browser.newPage()`. */
  readonly browser: Browser;
  readonly kind: LaunchedExtension['kind'];
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`: fixed on every launch. */
  readonly origin: string;
  readonly #launched: LaunchedExtension;
  readonly #driver: Driver;
  /** The offset this kit set on the test clock (0 = the real time). */
  #clockOffsetMs = 0;

  constructor(launched: LaunchedExtension) {
    this.#launched = launched;
    this.browser = launched.browser;
    this.kind = launched.kind;
    this.origin = launched.origin;
    this.#driver = createDriver(launched.browser, launched.kind, launched.origin);
  }

  /** Sends one request; a failure becomes a {@link HikaeKitError} with the extension's code and message. */
  async #call<T extends RequestType>(type: T, payload: Payload<T>, context?: string): Promise<ResponseValue<T>> {
    const answer: Response<T> = await this.#driver.request(type, payload);
    if (answer.ok) return answer.value;
    const { code, message } = answer.error as { code: string; message: string };
    throw new HikaeKitError(code, context ? `${context}: ${message}` : message);
  }

  /** The extension's clock: the real time plus the test clock's offset. */
  now(): number {
    return Date.now() + this.#clockOffsetMs;
  }

  /** Accounts and codes in one round trip; a vault not unlocked is an error naming its state. */
  async #snapshot() {
    const snapshot = await this.#call('vault.snapshot', {});
    const { state } = snapshot.status;
    if (state === 'locked') throw new HikaeKitError('locked', 'The vault is locked: call unlock(password) first.');
    if (state === 'uninitialized') throw new HikaeKitError('not-initialized', 'There is no vault yet: call provision({ password, … }) first.');
    return snapshot;
  }

  /** Every account, in the user's order. The vault must be unlocked. */
  async accounts(): Promise<KitAccount[]> {
    return (await this.#snapshot()).accounts.map(toKitAccount);
  }

  /** 'uninitialized', 'locked' or 'unlocked'. */
  async state(): Promise<'uninitialized' | 'locked' | 'unlocked'> {
    return (await this.#call('vault.status', {})).state;
  }

  /**
   * Creates the vault with `password` (or unlocks it), then adds every link and
   * the file's accounts — all checked first, then written, so bad input leaves
   * the vault as it was. Returns the accounts added, in the vault's order.
   */
  async provision(options: ProvisionOptions): Promise<KitAccount[]> {
    const state = await this.state();
    if (state === 'uninitialized') await this.#call('vault.create', { password: options.password }, 'Creating the vault');
    else if (state === 'locked') await this.#call('vault.unlock', { password: options.password }, 'Unlocking the vault');

    const before = new Set((await this.accounts()).map((a) => a.id));
    const links = options.links ?? [];
    const linkSource: ImportSource | undefined = links.length > 0 ? { text: links.map(linkUri).join('\n') } : undefined;
    const file = options.file === undefined ? undefined : fileSource(options.file);
    const filePassword = options.filePassword === undefined ? {} : { password: options.filePassword };

    // Check everything before writing anything.
    const linkSites = checkLinkSites(links);
    const parsedLinks = linkSource ? await this.#checkLinks(links, linkSource) : [];
    if (file) {
      const preview = await this.#call('import.preview', { source: file, ...filePassword }, 'Reading the export file');
      const skipped = skippedEntries(preview);
      if (skipped.length > 0) throw new HikaeKitError('import-entries-skipped', `The export file has entries that would not be added: ${skipped.join('; ')}`);
    }

    if (linkSource) await this.#call('import.apply', { source: linkSource }, 'Adding the links');
    if (file) await this.#call('import.apply', { source: file, ...filePassword }, 'Importing the export file');
    const added = (await this.accounts()).filter((a) => !before.has(a.id));
    for (const { parsed, sites } of sitesOfLinks(parsedLinks, linkSites)) {
      const account = resolveAccount(added, { issuer: parsed.issuer, accountName: parsed.accountName });
      account.sites = (await this.#call('accounts.update', { id: account.id, edit: { sites } }, `Sites of ${accountLabel(account)}`)).sites ?? [];
    }
    return added;
  }

  /**
   * Replaces the sites an account fills on (`github.com`, `localhost`, or for an
   * exact-origin account `https://login.example.com`), as the options page's site
   * editor does. Returns the account as stored.
   */
  async setSites(ref: AccountRef, sites: string[]): Promise<KitAccount> {
    const account = resolveAccount(await this.accounts(), ref);
    return toKitAccount(await this.#call('accounts.update', { id: account.id, edit: { sites } }, `Sites of ${accountLabel(account)}`));
  }

  /** Each link must parse and be new: the first that is not is named in the error, and nothing is written. Returns them parsed. */
  async #checkLinks(links: AccountLink[], source: ImportSource): Promise<AccountView[]> {
    const parsed: AccountView[] = [];
    for (const [index, link] of links.entries()) {
      const uri = linkUri(link);
      parsed.push(await this.#call('accounts.parse-uri', { uri }, `Link ${index + 1} (${uri.slice(0, 40)})`));
    }
    const preview = await this.#call('import.preview', { source }, 'Checking the links');
    const skipped = skippedEntries(preview);
    if (skipped.length > 0) throw new HikaeKitError('duplicate-account', `Some links would not be added: ${skipped.join('; ')}`);
    return parsed;
  }

  /** The current code of an account, computed by the extension's background. */
  async code(ref: AccountRef): Promise<KitCode> {
    const snapshot = await this.#snapshot();
    const accounts = snapshot.accounts.map(toKitAccount);
    return this.#codeOf(resolveAccount(accounts, ref), snapshot.codes);
  }

  #codeOf(account: KitAccount, codes: CodeView[]): KitCode {
    const code = codes.find((c) => c.id === account.id);
    if (!code?.value) throw new HikaeKitError('no-code', `${accountLabel(account)} has no code (it needs verification on this device).`);
    return { account, code: code.value, validFromMs: code.validFromMs, validUntilMs: code.validUntilMs, secondsLeft: secondsLeft(code.validUntilMs, this.now()) };
  }

  /**
   * The current code of the one account bound to the page's site (its address as
   * the browser reports it, matched by the extension's own rules, docs/autofill.md).
   */
  async codeForPage(page: Page | string): Promise<KitCode> {
    const url = typeof page === 'string' ? page : page.url();
    const address = readPageAddress(url);
    if (!address.ok) throw new HikaeKitError('no-account-for-site', `${url} can never receive a code (${address.problem}).`);
    const snapshot = await this.#snapshot();
    const matching = accountsForPage(snapshot.accounts, address.address).map(toKitAccount);
    const [only] = matching;
    if (!only) throw new HikaeKitError('no-account-for-site', `No account is bound to ${address.address.site}.`);
    if (matching.length > 1) {
      throw new HikaeKitError('ambiguous-account', `${matching.length} accounts are bound to ${address.address.site}: ${matching.map(accountLabel).join(', ')}. Use code(ref).`);
    }
    return this.#codeOf(only, snapshot.codes);
  }

  /**
   * The account's code once it has at least `minSecondsLeft` of validity left
   * (default 5 s): the current one if it has, otherwise the next, waited for.
   * HOTP codes do not expire and return at once.
   */
  async waitForFreshCode(ref: AccountRef, { minSecondsLeft = 5 }: { minSecondsLeft?: number } = {}): Promise<KitCode> {
    for (;;) {
      const current = await this.code(ref);
      if (current.account.type === 'hotp') return current;
      checkMinSecondsLeft(minSecondsLeft, current.account.period);
      const waitMs = msUntilFreshCode(current.validUntilMs, this.now(), minSecondsLeft);
      if (waitMs === 0) return current;
      // A little past the boundary: the next code is then surely the current one.
      await sleep(waitMs + 50);
    }
  }

  /** HOTP: advances the counter by one (as "next code" in the popup; the vault is written) and returns the new code. */
  async nextHotp(ref: AccountRef): Promise<KitCode> {
    const account = resolveAccount(await this.accounts(), ref);
    if (account.type !== 'hotp') throw new HikaeKitError('invalid-argument', `${accountLabel(account)} is not an HOTP account.`);
    await this.#call('accounts.next-hotp', { id: account.id });
    return this.code({ id: account.id });
  }

  /** HOTP: advances the counter to `counter`. Counters only move forward, as on a real token. */
  async setHotpCounter(ref: AccountRef, counter: number): Promise<KitCode> {
    let current = await this.code(ref);
    if (current.account.type !== 'hotp') throw new HikaeKitError('invalid-argument', `${accountLabel(current.account)} is not an HOTP account.`);
    if (!Number.isSafeInteger(counter) || counter < current.account.counter) {
      throw new HikaeKitError('invalid-argument', `The counter of ${accountLabel(current.account)} is ${current.account.counter} and only moves forward; got ${counter}.`);
    }
    while (current.account.counter < counter) current = await this.nextHotp({ id: current.account.id });
    return current;
  }

  /**
   * Fills the current code into `page` as a person does with the popup: clicks the
   * extension's toolbar button with the page in front (the real gesture, granting
   * `activeTab` on that tab only), then sends the popup's Fill request. The
   * extension does the rest as for a person: the page's site must match the
   * account's sites, the field is found in the page, a code about to expire is
   * waited out, HOTP counters move on. Without `account`: the one account bound to
   * the page's site, as the fill shortcut does. No test hook is involved.
   */
  async fill(page: Page, { account }: { account?: AccountRef } = {}): Promise<KitFill> {
    const accountId = account === undefined ? undefined : resolveAccount(await this.accounts(), account).id;
    const tabId = await grantPage(this.browser, this.kind, this.#driver, page);
    const outcome = await this.#call('fill.account', { tabId, ...(accountId === undefined ? {} : { accountId }) }, `Filling ${page.url()}`);
    const filled = resolveAccount(await this.accounts(), { id: outcome.accountId });
    return { account: filled, site: outcome.site, frameId: outcome.frameId, boxes: outcome.boxes, waitedMs: outcome.waitedMs };
  }

  async lock(): Promise<void> {
    await this.#call('vault.lock', {});
  }

  /** Unlocks with the vault's password; a wrong one is a HikaeKitError with code `wrong-password`. */
  async unlock(password: string): Promise<void> {
    await this.#call('vault.unlock', { password });
  }

  /**
   * Back to a fresh install: clears the extension's storage (vault, session,
   * settings) as removing and re-adding it would, and the test clock. Needs no
   * password and reads nothing.
   */
  async reset(): Promise<void> {
    await this.#driver.evaluate(async () => {
      type Area = { clear(): Promise<void> };
      type Api = { storage: { local: Area; session: Area } };
      const scope = globalThis as unknown as { browser?: Api; chrome: Api };
      const api = scope.browser ?? scope.chrome;
      await api.storage.session.clear();
      await api.storage.local.clear();
    });
    this.#clockOffsetMs = 0;
  }

  /**
   * Test builds only (`npm run build:test`): sets the extension's clock to `time`
   * (a Date or ms since the epoch), from now on running at the real pace. Every
   * code, expiry and auto-lock in the background follows it. The jump counts as
   * activity, so an unlocked vault stays unlocked; `{ keepUnlocked: false }` lets
   * the auto-lock judge it (to test auto-lock): its deadline stays on this clock, so
   * setting the clock to a few seconds before it locks the vault a few seconds later,
   * through the browser's real alarm. A production build has no such
   * clock: `time-control-unavailable`.
   */
  async setClock(time: Date | number, { keepUnlocked = true }: { keepUnlocked?: boolean } = {}): Promise<void> {
    const offsetMs = Math.round((typeof time === 'number' ? time : time.getTime()) - Date.now());
    await this.#setClockOffset(offsetMs, keepUnlocked);
  }

  /** Test builds only: the extension's clock back to the real time. */
  async resetClock(): Promise<void> {
    await this.#setClockOffset(0, true);
  }

  async #setClockOffset(offsetMs: number, keepUnlocked: boolean): Promise<void> {
    const answer = await this.#driver.request('test.clock.set', { offsetMs, keepUnlocked });
    if (!answer.ok) {
      const cause = new HikaeKitError(answer.error.code, answer.error.message);
      if (answer.error.code === 'bad-request') {
        throw new HikaeKitError('time-control-unavailable', 'This build has no test clock (production builds never do): build with `npm run build:test`.', { cause });
      }
      throw cause;
    }
    this.#clockOffsetMs = answer.value.offsetMs;
  }

  /** Closes the browser (and removes the fresh profile). */
  async close(): Promise<void> {
    await this.#driver.close().catch(() => undefined);
    await this.#launched.close();
  }
}

/** Launches a browser with the extension (see {@link launchExtension}) and returns it ready to drive. */
export async function launch(options: LaunchExtensionOptions): Promise<HikaeExtension> {
  return new HikaeExtension(await launchExtension(options));
}

/** Drives the extension in a browser you launched with {@link launchExtension}. */
export function attach(launched: LaunchedExtension): HikaeExtension {
  return new HikaeExtension(launched);
}
