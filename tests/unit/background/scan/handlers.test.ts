import { describe, expect, it } from 'vitest';
import { SCAN_RECORD_TTL_MS, scanRecordKey } from '../../../../lib/background/scan/store';
import type { ScanReport } from '../../../../lib/scan/scan-report';
import { blank, paste, qrImage } from '../../scan/qr-image';
import { countWrites } from '../fake-ports';
import { draftFor, expectFailure, rememberSecret, SELF, send, sendOk, sendRaw, storedContents, useSharedVault } from '../harness';
import { pngFor, withFakeScan, type FakeScan } from '../scan-fake-ports';

const S1 = 'JBSWY3DPEHPK3PXP';
const S2 = 'KRSXG5CTMVRXEZLU';
const S3 = 'GEZDGNBVGY3TQOJQ';
for (const secret of [S1, S2, S3]) rememberSecret(secret);

const link = (issuer: string, name: string, secret: string) => `otpauth://totp/${issuer}:${name}?secret=${secret}&issuer=${issuer}`;
const TAB = 7;
const PAGE = 'https://accounts.shop.example.co.uk/security/2fa';

function report(overrides: Partial<ScanReport> = {}): ScanReport {
  return {
    v: 1,
    viewport: { width: 800, height: 600, devicePixelRatio: 2 },
    candidates: [],
    regions: [],
    truncated: false,
    stats: { examined: 0, likely: 0, failed: 0, elapsedMs: 5 },
    ...overrides,
  };
}

function openTab(fake: FakeScan, url = PAGE, active = true) {
  fake.tabs.set(TAB, { tabId: TAB, windowId: 1, url, active });
}

// One account (Issuer 1, user1@example.com) in a vault made once.
const vault = useSharedVault(async (ports) => [(await sendOk(ports, 'accounts.add', { draft: draftFor(1) })).id]);

describe('scan.tab', () => {
  it('decodes the page’s images, keeps ours only, and shows them with the site — no secret in the answer', async () => {
    const { ports, fake } = withFakeScan(vault.ports);
    openTab(fake);
    fake.remote.set('https://cdn.example.net/qr.png', qrImage(link('Cdn', 'carol', S3)));
    fake.reports.set(
      TAB,
      report({
        candidates: [
          { kind: 'pixels', element: 'img', png: pngFor(fake, qrImage(link('Shop', 'alice', S1))) },
          { kind: 'pixels', element: 'canvas', png: pngFor(fake, qrImage('https://example.com/not-an-account')) },
          { kind: 'url', element: 'img', url: 'https://cdn.example.net/qr.png', rect: null },
        ],
      }),
    );
    const view = await sendOk(ports, 'scan.tab', { tabId: TAB });
    expect(view.site).toBe('example.co.uk');
    expect(view.accounts.map((a) => [a.issuer, a.accountName, a.sites?.[0], a.from, a.existing, a.added])).toEqual([
      ['Shop', 'alice', 'example.co.uk', 'otpauth', null, false],
      ['Cdn', 'carol', 'example.co.uk', 'otpauth', null, false],
    ]);
    expect(view.problems).toEqual([]);
    expect(view.stats).toMatchObject({ candidates: 3, decodedImages: 3, screenshot: false });
    expect(fake.badges.get(TAB)).toBe(2);
    // Stored: our two texts, nothing else; nothing in the vault.
    const record = ports.session.peek(scanRecordKey({ tabId: TAB })) as { texts: string[]; target: unknown };
    expect(record.texts).toEqual([link('Shop', 'alice', S1), link('Cdn', 'carol', S3)]);
    expect(record.target).toEqual({ kind: 'tab', tabId: TAB, origin: 'https://accounts.shop.example.co.uk' });
    expect((await storedContents(ports, vault.masterKey)).accounts).toHaveLength(1);
  });

  it('reads what the DOM cannot give from one screenshot, at device resolution', async () => {
    const { ports, fake } = withFakeScan(vault.ports);
    openTab(fake);
    // A 2× screen: the frame at CSS (100, 50) is at (200, 100) in the screenshot.
    fake.screenshot = paste(paste(blank(1600, 1200), qrImage(link('Frame', 'f', S1), 3), 200, 100), qrImage(link('Opaque', 'o', S2), 3), 1000, 600);
    fake.reports.set(
      TAB,
      report({
        candidates: [{ kind: 'url', element: 'img', url: 'https://other.example/qr.png', rect: { x: 500, y: 300, width: 100, height: 100 } }],
        regions: [{ reason: 'frame', rect: { x: 100, y: 50, width: 80, height: 80 } }],
      }),
    );
    const view = await sendOk(ports, 'scan.tab', { tabId: TAB });
    expect(view.accounts.map((a) => a.issuer).sort()).toEqual(['Frame', 'Opaque']);
    expect(fake.calls).toEqual([`collect ${TAB}`, 'fetch https://other.example/qr.png', 'capture 1']);
    expect(view.stats?.screenshot).toBe(true);
  });

  it('decodes the whole screenshot when the page cannot be scripted (a PDF viewer)', async () => {
    const { ports, fake } = withFakeScan(vault.ports);
    openTab(fake, 'https://docs.example.org/setup.pdf');
    fake.screenshot = paste(blank(800, 600), qrImage(link('Pdf', 'p', S1)), 300, 200);
    const view = await sendOk(ports, 'scan.tab', { tabId: TAB });
    expect(view.accounts.map((a) => [a.issuer, a.sites?.[0]])).toEqual([['Pdf', 'example.org']]);
  });

  it('refuses a page it may neither script nor capture, and stores nothing', async () => {
    const { ports, fake } = withFakeScan(vault.ports);
    openTab(fake, 'https://chromewebstore.google.com/', false);
    const before = ports.session.dump();
    expectFailure(await send(ports, 'scan.tab', { tabId: TAB }), 'scan-not-allowed');
    expectFailure(await send(ports, 'scan.tab', { tabId: 999 }), 'scan-not-allowed');
    expect(ports.session.dump()).toEqual(before);
  });

  it('keeps what the DOM gave when the screenshot is refused', async () => {
    const { ports, fake } = withFakeScan(vault.ports);
    openTab(fake);
    fake.reports.set(TAB, report({ candidates: [{ kind: 'pixels', element: 'img', png: pngFor(fake, qrImage(link('Dom', 'd', S1))) }], regions: [{ reason: 'video', rect: { x: 0, y: 0, width: 100, height: 100 } }] }));
    const view = await sendOk(ports, 'scan.tab', { tabId: TAB });
    expect(view.accounts.map((a) => a.issuer)).toEqual(['Dom']);
  });

  it('refuses a malformed report, naming the field, and stores nothing', async () => {
    const { ports, fake } = withFakeScan(vault.ports);
    openTab(fake);
    fake.reports.set(TAB, { ...report(), candidates: [{ kind: 'url', element: 'img', url: 'javascript:alert(1)', rect: null }] });
    const failure = expectFailure(await send(ports, 'scan.tab', { tabId: TAB }), 'bad-request');
    expect(failure.field).toBe('report.candidates.0.url');
    expect(ports.session.peek(scanRecordKey({ tabId: TAB }))).toBeUndefined();
  });

  it('names what is wrong with a malformed otpauth code, and accumulates codes over rescans', async () => {
    const { ports, fake } = withFakeScan(vault.ports);
    openTab(fake);
    fake.reports.set(TAB, report({ candidates: [{ kind: 'pixels', element: 'img', png: pngFor(fake, qrImage('otpauth://totp/Broken:x?issuer=Broken')) }] }));
    const first = await sendOk(ports, 'scan.tab', { tabId: TAB });
    expect(first.problems).toEqual([{ code: 'invalid-otpauth', field: 'secret', reason: 'required', message: expect.any(String) }]);
    fake.reports.set(TAB, report({ candidates: [{ kind: 'pixels', element: 'img', png: pngFor(fake, qrImage(link('Later', 'l', S2))) }] }));
    const second = await sendOk(ports, 'scan.tab', { tabId: TAB });
    expect(second.accounts.map((a) => a.issuer)).toEqual(['Later']);
    expect(second.problems).toHaveLength(1);
  });
});

describe('scan.found', () => {
  it('shows the stored codes while the tab shows the same origin; not after it moved on or the record expired', async () => {
    const { ports, fake } = withFakeScan(vault.ports);
    openTab(fake);
    fake.reports.set(TAB, report({ candidates: [{ kind: 'pixels', element: 'img', png: pngFor(fake, qrImage(link('Shop', 'alice', S1))) }] }));
    await sendOk(ports, 'scan.tab', { tabId: TAB });
    expect((await sendOk(ports, 'scan.found', { tabId: TAB }))?.accounts.map((a) => a.issuer)).toEqual(['Shop']);
    expect(await sendOk(ports, 'scan.found', { tabId: 8 })).toBeNull();

    expect(fake.badges.get(TAB)).toBe(1);
    openTab(fake, 'https://elsewhere.example/');
    expect(await sendOk(ports, 'scan.found', { tabId: TAB })).toBeNull();
    expect(fake.badges.get(TAB)).toBe(0);
    openTab(fake);
    ports.advance(SCAN_RECORD_TTL_MS + 1);
    fake.badges.set(TAB, 1);
    expect(await sendOk(ports, 'scan.found', { tabId: TAB })).toBeNull();
    expect(ports.session.peek(scanRecordKey({ tabId: TAB }))).toBeUndefined();
    expect(fake.badges.get(TAB)).toBe(0);
  });
});

describe('scan.add', () => {
  it('adds the chosen accounts from its own copy in one vault write, with their site; skips duplicates and unknown keys', async () => {
    const { ports, fake } = withFakeScan(vault.ports);
    openTab(fake);
    fake.reports.set(
      TAB,
      report({
        candidates: [link('Shop', 'alice', S1), link('Bank', 'bob', S2), link('Issuer 1', 'user1@example.com', S3)].map((text) => ({
          kind: 'pixels' as const,
          element: 'img' as const,
          png: pngFor(fake, qrImage(text)),
        })),
      }),
    );
    const view = await sendOk(ports, 'scan.tab', { tabId: TAB });
    expect(view.accounts.map((a) => a.existing?.reason ?? null)).toEqual([null, null, 'same-issuer-and-name']);
    expect(fake.badges.get(TAB)).toBe(2);
    const [shop, bank, existing] = view.accounts.map((a) => a.key) as [string, string, string];

    const { result, local } = await countWrites(ports, () => send(ports, 'scan.add', { target: { tabId: TAB }, keys: [shop, existing, 'f00d'] }));
    expect(local).toBe(1);
    if (!result.ok) expect.fail(JSON.stringify(result.error));
    expect(result.value.added.map((a) => a.issuer)).toEqual(['Shop']);
    expect(result.value.skipped).toEqual([
      { key: 'f00d', reason: 'not-found' },
      { key: existing, reason: 'same-issuer-and-name' },
    ]);
    const stored = (await storedContents(ports, vault.masterKey)).accounts;
    expect(stored.map((a) => [a.issuer, a.accountName, a.secret, a.sites?.[0]])).toEqual([
      ['Issuer 1', 'user1@example.com', expect.any(String), undefined],
      ['Shop', 'alice', S1, 'example.co.uk'],
    ]);

    const after = await sendOk(ports, 'scan.found', { tabId: TAB });
    expect(after?.accounts.map((a) => [a.issuer, a.added])).toEqual([
      ['Shop', true],
      ['Bank', false],
      ['Issuer 1', true],
    ]);
    expect(fake.badges.get(TAB)).toBe(1);
    expect(bank).toMatch(/^[0-9a-f]{24}$/);
  });

  it('adds nothing after a lock: the lock cleared the record and its otpauth:// texts', async () => {
    const { ports, fake } = withFakeScan(vault.ports);
    openTab(fake);
    fake.reports.set(TAB, report({ candidates: [{ kind: 'pixels', element: 'img', png: pngFor(fake, qrImage(link('Shop', 'alice', S1))) }] }));
    const view = await sendOk(ports, 'scan.tab', { tabId: TAB });
    expect(ports.session.peek(`scan:tab:${TAB}`)).toBeDefined();
    await sendOk(ports, 'vault.lock', {});
    expect(ports.session.peek(`scan:tab:${TAB}`)).toBeUndefined();
    const before = ports.local.dump();
    const answer = await send(ports, 'scan.add', { target: { tabId: TAB }, keys: [view.accounts[0]!.key] });
    if (answer.ok) expect(answer.value).toEqual({ added: [], skipped: [{ key: view.accounts[0]!.key, reason: 'not-found' }] });
    else expectFailure(answer, 'locked');
    expect(ports.local.dump()).toEqual(before);
  });

  it('refuses keys that are not keys', async () => {
    const { ports } = withFakeScan(vault.ports);
    expectFailure(await send(ports, 'scan.add', { target: { tabId: TAB }, keys: [] }), 'bad-request');
    expectFailure(await send(ports, 'scan.add', { target: { tabId: -1 }, keys: ['a'] }), 'bad-request');
    expectFailure(await send(ports, 'scan.add', { target: { image: false }, keys: ['a'] } as never), 'bad-request');
  });
});

describe('scan.texts (image files) and scan.dismiss', () => {
  it('keeps the texts the options page decoded, without a site, and adds from them', async () => {
    const { ports } = withFakeScan(vault.ports);
    const view = await sendOk(ports, 'scan.texts', { texts: [link('File', 'f', S1), 'WIFI:S:home;;'] });
    expect(view.target).toEqual({ image: true });
    expect(view.site).toBeNull();
    expect(view.accounts.map((a) => [a.issuer, a.sites?.[0]])).toEqual([['File', undefined]]);
    const added = await sendOk(ports, 'scan.add', { target: { image: true }, keys: [view.accounts[0]!.key] });
    expect(added.added).toHaveLength(1);
    expect((await storedContents(ports, vault.masterKey)).accounts.at(-1)).not.toHaveProperty('sites');
  });

  it('forgets found codes when dismissed, and clears the badge', async () => {
    const { ports, fake } = withFakeScan(vault.ports);
    openTab(fake);
    fake.reports.set(TAB, report({ candidates: [{ kind: 'pixels', element: 'img', png: pngFor(fake, qrImage(link('Shop', 'alice', S1))) }] }));
    await sendOk(ports, 'scan.tab', { tabId: TAB });
    await sendOk(ports, 'scan.dismiss', { target: { tabId: TAB } });
    expect(ports.session.peek(scanRecordKey({ tabId: TAB }))).toBeUndefined();
    expect(fake.badges.get(TAB)).toBe(0);
  });
});

describe('scan.auto-detect', () => {
  it('is off by default; turning it on needs the host permission; off unregisters the watcher', async () => {
    const { ports, fake } = withFakeScan(vault.ports);
    expect(await sendOk(ports, 'scan.auto-detect.get', {})).toEqual({ enabled: false });
    expectFailure(await send(ports, 'scan.auto-detect.set', { enabled: true }), 'permission-required');
    expect(fake.watcherRegistered).toBe(false);

    fake.allSites = true;
    expect(await sendOk(ports, 'scan.auto-detect.set', { enabled: true })).toEqual({ enabled: true });
    expect(fake.watcherRegistered).toBe(true);
    expect(await sendOk(ports, 'scan.auto-detect.get', {})).toEqual({ enabled: true });
    // The permission taken back in the browser: reported off.
    fake.allSites = false;
    expect(await sendOk(ports, 'scan.auto-detect.get', {})).toEqual({ enabled: false });

    expect(await sendOk(ports, 'scan.auto-detect.set', { enabled: false })).toEqual({ enabled: false });
    expect(fake.watcherRegistered).toBe(false);
  });
});

describe('who may ask', () => {
  it.each([
    ['scan.tab', { tabId: TAB }],
    ['scan.found', { tabId: TAB }],
    ['scan.add', { target: { tabId: TAB }, keys: ['a'] }],
    ['scan.auto-detect.set', { enabled: true }],
  ])('refuses %s from a content script (only extension pages may use the protocol)', async (type, payload) => {
    const { ports, fake } = withFakeScan(vault.ports);
    openTab(fake);
    fake.allSites = true;
    const answer = await sendRaw(ports, { type, payload }, { id: SELF.id, url: PAGE });
    expectFailure(answer, 'forbidden-sender');
    expect(fake.calls).toEqual([]);
  });
});
