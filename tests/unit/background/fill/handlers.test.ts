import { describe, expect, it, vi } from 'vitest';
import { generateCode } from '../../../../lib/otp/code';
import { changeContents, readContents } from '../../../../lib/background/vault';
import { routeFillRequest } from '../../../../lib/background/fill';
import { expectFailure, SELF, send, sendOk, useSharedVault, draftFor } from '../harness';
import { openTab, withFakeFill } from './fake-fill';

/*
 * The background's fill path (docs/autofill.md) end to end in memory: the page's
 * address is the browser's, the account must be bound to it, the frame that asks
 * must be on its site, and a page receives the digits of one current code or nothing.
 */

const TAB = 7;

describe('filling codes into pages', () => {
  const vault = useSharedVault(async (ports) => {
    const add = async (overrides: Record<string, unknown>, n: number) => (await sendOk(ports, 'accounts.add', { draft: draftFor(n, overrides) })).id;
    const ids = [
      await add({ issuer: 'GitHub', sites: ['github.com'] }, 1),
      await add({ issuer: 'Example', accountName: 'work', sites: ['example.test'] }, 2),
      await add({ issuer: 'Example', accountName: 'home', sites: ['example.test'] }, 3),
      await add({ issuer: 'Bank' }, 4),
      await add({ issuer: 'Hotp Co', type: 'hotp', counter: 5, sites: ['hotp.test'] }, 5),
      await add({ issuer: 'Strict' }, 6),
    ];
    await changeContents(ports, (contents) => ({
      contents: { ...contents, accounts: contents.accounts.map((a) => (a.id === ids[5] ? { ...a, siteMatch: 'origin' as const, sites: ['https://login.strict.test'] } : a)) },
      result: null,
    }));
    return ids;
  });
  const setup = () => withFakeFill(vault.ports);
  const idAt = (i: number) => () => vault.ids[i]!;
  const [GITHUB, WORK, HOME, BANK, HOTP, STRICT] = [idAt(0), idAt(1), idAt(2), idAt(3), idAt(4), idAt(5)];

  async function currentCode(ports: ReturnType<typeof setup>, id: string): Promise<string> {
    const account = (await readContents(ports)).accounts.find((a) => a.id === id)!;
    return generateCode(account, ports.now()).value;
  }

  describe('fill.site-accounts: the accounts of the tab’s page, by the URL the browser reports', () => {
    it.each([
      { url: 'https://github.com/sessions/two-factor', matching: ['GitHub'], hints: [] },
      { url: 'https://gist.github.com/login', matching: ['GitHub'], hints: [] },
      { url: 'https://github.com.evil.test/login', matching: [], hints: [{ issuer: 'GitHub', site: 'github.com' }] },
      { url: 'https://www.example.test/', matching: ['Example', 'Example'], hints: [] },
      { url: 'https://login.strict.test/', matching: ['Strict'], hints: [] },
      { url: 'https://other.strict.test/', matching: [], hints: [{ issuer: 'Strict', site: 'https://login.strict.test' }] },
    ])('$url → $matching', async ({ url, matching, hints }) => {
      const ports = setup();
      openTab(ports.fake, TAB, url);
      const view = await sendOk(ports, 'fill.site-accounts', { tabId: TAB });
      const issuers = (await readContents(ports)).accounts.filter((a) => view.matching.includes(a.id)).map((a) => a.issuer);
      expect(issuers).toEqual(matching);
      expect(view.hints).toEqual(hints);
      expect(view.unbound).toEqual([{ id: BANK(), resemblesSite: false }]);
    });

    it.each([
      { url: 'http://github.com/', problem: 'insecure', host: 'github.com' },
      { url: 'chrome://settings/', problem: 'not-web', host: null },
      { url: null, problem: 'not-web', host: null },
    ])('$url can never get a code: $problem', async ({ url, problem, host }) => {
      const ports = setup();
      ports.fake.tabs.set(TAB, { url, frames: new Map() });
      expect(await sendOk(ports, 'fill.site-accounts', { tabId: TAB })).toMatchObject({ page: null, problem, host, matching: [], unbound: [] });
    });
  });

  describe('vault.snapshot with tabId: the popup\'s tab and its accounts come with the first screen', () => {
    it.each([
      { name: 'the site\'s account within the first screen (its code once)', url: 'https://github.com/login', first: 1, matching: ['GitHub'] },
      { name: 'two accounts on one site, in the list\'s order', url: 'https://www.example.test/', first: 1, matching: ['Example', 'Example'] },
      { name: 'an exact-origin account on its origin', url: 'https://login.strict.test/', first: 2, matching: ['Strict'] },
      { name: 'a lookalike host: none, with a hint', url: 'https://github.com.evil.test/', first: 1, matching: [] },
      { name: 'plain http: refused, none', url: 'http://github.com/', first: 1, matching: [] },
    ])('$name ($url)', async ({ url, first, matching }) => {
      const ports = setup();
      openTab(ports.fake, TAB, url);
      const snapshot = await sendOk(ports, 'vault.snapshot', { first, tabId: TAB });
      const site = snapshot.site!;
      expect(site.accounts.map((a) => a.issuer)).toEqual(matching);
      // The first screen's answer leaves out the accounts without a site (named from the full list).
      expect(site.view).toEqual({ ...(await sendOk(ports, 'fill.site-accounts', { tabId: TAB })), unbound: [] });
      expect(site.accounts.map((a) => a.id)).toEqual(site.view.matching);
      expect(snapshot.accounts).toHaveLength(first);
      // Every account shown, in the list or the site section, has its current code; no other does.
      const shownIds = [...new Set([...snapshot.accounts, ...site.accounts].map((a) => a.id))].sort();
      expect(snapshot.codes.map((c) => c.id).sort()).toEqual(shownIds);
      for (const code of snapshot.codes) expect(code.value).toBe(await currentCode(ports, code.id));
      // Names and codes only: never a secret.
      const secrets = (await readContents(ports)).accounts.map((a) => a.secret);
      const text = JSON.stringify(snapshot);
      expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
    });

    it('every account asked for: the same view as fill.site-accounts, accounts without a site included', async () => {
      const ports = setup();
      openTab(ports.fake, TAB, 'https://github.com/login');
      const snapshot = await sendOk(ports, 'vault.snapshot', { tabId: TAB });
      expect(snapshot.site!.view).toEqual(await sendOk(ports, 'fill.site-accounts', { tabId: TAB }));
      expect(snapshot.site!.view.unbound).toEqual([{ id: BANK(), resemblesSite: false }]);
    });

    it('without tabId: no site', async () => {
      const ports = setup();
      expect(await sendOk(ports, 'vault.snapshot', { first: 2 })).not.toHaveProperty('site');
    });
  });

  describe('fill.account', () => {
    it('one matching account: the top frame gets the current code, and nothing else gets anything', async () => {
      const ports = setup();
      openTab(ports.fake, TAB, 'https://github.com/sessions/two-factor');
      const outcome = await sendOk(ports, 'fill.account', { tabId: TAB });
      expect(outcome).toMatchObject({ accountId: GITHUB(), site: 'github.com', frameHost: 'github.com', frameId: 0, boxes: 1, waitedMs: 0 });
      expect(ports.fake.received).toEqual([`${TAB}/0: ${await currentCode(ports, GITHUB())}`]);
      expect(ports.session.peek(`fill:${TAB}`)).toBeUndefined();
    });

    it.each([
      { name: 'a lookalike host', url: 'https://github.com.evil.test/login', hint: { issuer: 'GitHub', site: 'github.com' } },
      { name: 'a punycode twin', url: 'https://xn--gthub-n4a.com/login', hint: { issuer: 'GitHub', site: 'github.com' } },
      { name: 'a look-alike registrable domain', url: 'https://github-login.com/', hint: { issuer: 'GitHub', site: 'github.com' } },
    ])('$name gets nothing, and the failure says which site the account is for', async ({ url, hint }) => {
      const ports = setup();
      openTab(ports.fake, TAB, url);
      const failure = expectFailure(await send(ports, 'fill.account', { tabId: TAB }), 'fill-no-account');
      expect(failure.site).toBe(new URL(url).hostname.split('.').slice(-2).join('.'));
      expect(failure.hints[0]).toEqual(hint);
      expect(ports.fake.received).toEqual([]);
    });

    it('naming an account not bound to the page fills nothing (the popup cannot be tricked into it)', async () => {
      const ports = setup();
      openTab(ports.fake, TAB, 'https://github.com.evil.test/');
      const failure = expectFailure(await send(ports, 'fill.account', { tabId: TAB, accountId: GITHUB() }), 'fill-no-account');
      expect(failure.hints).toEqual([{ issuer: 'GitHub', site: 'github.com' }]);
      expect(ports.fake.received).toEqual([]);
    });

    it('several matching accounts: asks which, then fills the one chosen', async () => {
      const ports = setup();
      openTab(ports.fake, TAB, 'https://www.example.test/');
      expect(expectFailure(await send(ports, 'fill.account', { tabId: TAB }), 'fill-several').accountIds).toEqual([WORK(), HOME()]);
      await sendOk(ports, 'fill.account', { tabId: TAB, accountId: HOME() });
      expect(ports.fake.received).toEqual([`${TAB}/0: ${await currentCode(ports, HOME())}`]);
    });

    it('a cross-site frame holding the only field gets nothing, and the failure names it', async () => {
      const ports = setup();
      openTab(ports.fake, TAB, 'https://github.com/', { score: 0 }, { 3: { url: 'https://evil.test/otp', score: 100 } });
      expect(expectFailure(await send(ports, 'fill.account', { tabId: TAB }), 'fill-frame-off-site')).toMatchObject({ frameHost: 'evil.test', site: 'github.com' });
      expect(ports.fake.received).toEqual([]);
    });

    it('a same-site frame fills, and the context menu’s frame is preferred over a better top field', async () => {
      const ports = setup();
      openTab(ports.fake, TAB, 'https://github.com/', { score: 100 }, { 4: { url: 'https://auth.github.com/frame', score: 60 }, 5: { url: 'https://evil.test/', score: 100 } });
      expect(await sendOk(ports, 'fill.account', { tabId: TAB, frameId: 4 })).toMatchObject({ frameId: 4, frameHost: 'auth.github.com' });
      expect(ports.fake.received).toEqual([`${TAB}/4: ${await currentCode(ports, GITHUB())}`]);
    });

    it('a frame that navigated elsewhere between the check and the request gets nothing', async () => {
      const ports = setup();
      openTab(ports.fake, TAB, 'https://github.com/', { navigatesTo: 'https://evil.test/' });
      expectFailure(await send(ports, 'fill.account', { tabId: TAB }), 'fill-interrupted');
      expect(ports.fake.received).toEqual([]);
    });

    it('a top page that navigated away meanwhile: its same-site frame gets nothing either', async () => {
      const ports = setup();
      openTab(ports.fake, TAB, 'https://github.com/', { score: 0 }, { 2: { url: 'https://github.com/frame', score: 100 } });
      const write = ports.fake.write.bind(ports.fake);
      ports.fake.write = async (tabId, frameId, waitMs) => {
        ports.fake.tabs.get(tabId)!.url = 'https://evil.test/';
        return write(tabId, frameId, waitMs);
      };
      expectFailure(await send(ports, 'fill.account', { tabId: TAB }), 'fill-interrupted');
      expect(ports.fake.received).toEqual([]);
    });

    it.each([
      { url: 'http://github.com/', code: 'fill-page-refused' as const, problem: 'insecure' },
      { url: 'about:blank', code: 'fill-page-refused' as const, problem: 'not-web' },
    ])('$url is refused ($problem)', async ({ url, code, problem }) => {
      const ports = setup();
      openTab(ports.fake, TAB, url);
      expect(expectFailure(await send(ports, 'fill.account', { tabId: TAB }), code).problem).toBe(problem);
    });

    it('a page the browser will not script, and a page without a code field, say so', async () => {
      const ports = setup();
      openTab(ports.fake, TAB, 'https://github.com/', { score: 0 });
      expectFailure(await send(ports, 'fill.account', { tabId: TAB }), 'fill-no-field');
      ports.fake.refused.add(TAB);
      expect(expectFailure(await send(ports, 'fill.account', { tabId: TAB }), 'fill-page-refused').problem).toBe('not-scriptable');
    });

    it('exact-origin accounts fill on that origin only', async () => {
      const ports = setup();
      openTab(ports.fake, TAB, 'https://login.strict.test/');
      expect((await sendOk(ports, 'fill.account', { tabId: TAB, accountId: STRICT() })).site).toBe('https://login.strict.test');
      openTab(ports.fake, TAB, 'https://www.strict.test/');
      expectFailure(await send(ports, 'fill.account', { tabId: TAB, accountId: STRICT() }), 'fill-no-account');
    });

    it('fewer than 5 s left: waits for the next code and fills that one', async () => {
      const ports = setup();
      ports.setNow(Math.floor(ports.now() / 30_000) * 30_000 + 27_000);
      openTab(ports.fake, TAB, 'https://github.com/');
      const outcome = await sendOk(ports, 'fill.account', { tabId: TAB });
      expect(outcome.waitedMs).toBe(3001);
      expect(ports.fake.received).toEqual([`${TAB}/0: ${await currentCode(ports, GITHUB())}`]);
    });

    it('the page waits for the next code, so the fill survives the background being suspended meanwhile', async () => {
      const ports = setup();
      ports.setNow(Math.floor(ports.now() / 30_000) * 30_000 + 27_000);
      openTab(ports.fake, TAB, 'https://github.com/');
      // Firefox suspends the event page during the wait: the gesture's handler never
      // resumes, yet the page's own request is answered from the pending fill alone.
      const write = ports.fake.write.bind(ports.fake);
      let pageDone: Promise<unknown> | undefined;
      ports.fake.write = (tabId, frameId, waitMs) => {
        pageDone = write(tabId, frameId, waitMs);
        return new Promise(() => undefined);
      };
      void send(ports, 'fill.account', { tabId: TAB });
      await vi.waitFor(() => expect(pageDone).toBeDefined());
      expect(await pageDone).toMatchObject({ filled: true });
      expect(ports.fake.slept).toBe(3001);
      expect(ports.fake.received).toEqual([`${TAB}/0: ${await currentCode(ports, GITHUB())}`]);
    });

    it('HOTP: the counter moves on only when the code was written', async () => {
      const ports = setup();
      const counter = async () => (await readContents(ports)).accounts.find((a) => a.id === HOTP())!.counter;
      openTab(ports.fake, TAB, 'https://hotp.test/', { navigatesTo: 'https://evil.test/' });
      expectFailure(await send(ports, 'fill.account', { tabId: TAB }), 'fill-interrupted');
      expect(await counter()).toBe(5);
      openTab(ports.fake, TAB, 'https://hotp.test/');
      await sendOk(ports, 'fill.account', { tabId: TAB });
      expect(await counter()).toBe(6);
    });

    it('locked: nothing is filled', async () => {
      const ports = setup();
      openTab(ports.fake, TAB, 'https://github.com/');
      await sendOk(ports, 'vault.lock', {});
      expectFailure(await send(ports, 'fill.account', { tabId: TAB }), 'locked');
      expect(ports.fake.received).toEqual([]);
    });
  });

  describe('the fill script’s request: answered once, for the checked frame, while fresh', () => {
    const pending = (ports: ReturnType<typeof setup>, frameId = 0, ttl = 15_000) =>
      ports.session.set(`fill:${TAB}`, { accountId: GITHUB(), frameId, expiresAtMs: ports.now() + ttl });
    const sender = (frameId = 0, url = 'https://github.com/') => ({ id: SELF.id, url, frameId, tab: { id: TAB } });

    it.each([
      { name: 'no fill was asked for', arrange: async () => undefined, from: sender() },
      { name: 'another frame asks', arrange: (p: ReturnType<typeof setup>) => pending(p, 2), from: sender(0) },
      { name: 'the request came too late', arrange: (p: ReturnType<typeof setup>) => pending(p, 0, -1), from: sender() },
      { name: 'another extension asks', arrange: (p: ReturnType<typeof setup>) => pending(p), from: { ...sender(), id: 'someone-else' } },
      { name: 'the frame is elsewhere', arrange: (p: ReturnType<typeof setup>) => pending(p), from: sender(0, 'https://evil.test/') },
    ])('refused when $name', async ({ arrange, from }) => {
      const ports = setup();
      openTab(ports.fake, TAB, 'https://github.com/');
      await arrange(ports);
      expect(await routeFillRequest(from, SELF, ports)).toMatchObject({ ok: false });
    });

    it('answers the digits once; a second request gets nothing', async () => {
      const ports = setup();
      openTab(ports.fake, TAB, 'https://github.com/');
      await pending(ports);
      expect(await routeFillRequest(sender(), SELF, ports)).toEqual({ ok: true, digits: await currentCode(ports, GITHUB()), pressEnter: false });
      expect(await routeFillRequest(sender(), SELF, ports)).toMatchObject({ ok: false });
    });
  });

  describe('fill.bind-site', () => {
    it('binds an account without sites to the page’s registrable domain', async () => {
      const ports = setup();
      openTab(ports.fake, TAB, 'https://secure.bank.test/login');
      expect((await sendOk(ports, 'fill.bind-site', { tabId: TAB, accountId: BANK() })).sites).toEqual(['bank.test']);
      expect((await sendOk(ports, 'fill.site-accounts', { tabId: TAB })).matching).toEqual([BANK()]);
    });

    it('never rebinds an account that has sites (the phishing case)', async () => {
      const ports = setup();
      openTab(ports.fake, TAB, 'https://github.com.evil.test/');
      expect(expectFailure(await send(ports, 'fill.bind-site', { tabId: TAB, accountId: GITHUB() }), 'fill-already-bound').sites).toEqual(['github.com']);
    });

    it('never binds an insecure page', async () => {
      const ports = setup();
      openTab(ports.fake, TAB, 'http://bank.test/');
      expect(expectFailure(await send(ports, 'fill.bind-site', { tabId: TAB, accountId: BANK() }), 'fill-page-refused').problem).toBe('insecure');
    });
  });
});
