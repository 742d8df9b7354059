import { describe, expect, it } from 'vitest';
import { scanRecordKey, writeAutoDetect } from '../../../../lib/background/scan/store';
import { routeWatchReport, type ContentScriptSender } from '../../../../lib/background/scan/watch-route';
import { DECODE_BUDGETS, WATCH_MESSAGE_KIND } from '../../../../lib/scan/scan-limits';
import type { ScanReport } from '../../../../lib/scan/scan-report';
import { qrImage } from '../../scan/qr-image';
import { expectNoSecrets, rememberSecret, SELF, useSharedVault } from '../harness';
import { pngFor, withFakeScan, type FakeScan } from '../scan-fake-ports';

/*
 * The one message content scripts may send: the automatic watcher's report. Every
 * other sender or shape is refused before anything is decoded or stored.
 */

const SECRET = 'NB2W45DFOJQWY3DFOIYDEMZU';
rememberSecret(SECRET);
const LINK = `otpauth://totp/Watched:w?secret=${SECRET}&issuer=Watched`;
const PAGE_SENDER: ContentScriptSender = { id: SELF.id, url: 'https://login.example.com/2fa', frameId: 0, tab: { id: 5 } };

function report(fake: FakeScan, overrides: Partial<ScanReport> = {}): ScanReport {
  return {
    v: 1,
    viewport: { width: 800, height: 600, devicePixelRatio: 1 },
    candidates: [{ kind: 'pixels', element: 'img', png: pngFor(fake, qrImage(LINK)) }],
    regions: [{ reason: 'frame', rect: { x: 0, y: 0, width: 300, height: 300 } }],
    truncated: false,
    stats: { examined: 1, likely: 1, failed: 0, elapsedMs: 3 },
    ...overrides,
  };
}

const vault = useSharedVault();

async function watching() {
  const { ports, fake } = withFakeScan(vault.ports);
  await writeAutoDetect(ports, true);
  return { ports, fake };
}

describe('routeWatchReport', () => {
  it('accepts the watcher’s report from a top frame: stores our codes for the tab, counts them on the badge, answers nothing', async () => {
    const { ports, fake } = await watching();
    const answer = await routeWatchReport({ kind: WATCH_MESSAGE_KIND, report: report(fake) }, PAGE_SENDER, SELF, ports);
    expect(answer).toEqual({ ok: true, value: null });
    expectNoSecrets(answer, ports);
    expect(fake.badges.get(5)).toBe(1);
    // A page cannot cause a screenshot: its regions wait for "Scan this page".
    expect(fake.calls).toEqual([]);
    const record = ports.session.peek(scanRecordKey({ tabId: 5 })) as { texts: string[]; site: string; watch: { reports: number } };
    expect(record).toMatchObject({ texts: [LINK], site: 'example.com', watch: { reports: 1 } });
  });

  it.each<[string, ContentScriptSender]>([
    ['another extension', { ...PAGE_SENDER, id: 'someone-else' }],
    ['a sender without a tab', { ...PAGE_SENDER, tab: undefined }],
    ['a sub-frame', { ...PAGE_SENDER, frameId: 3 }],
    ['an extension page', { ...PAGE_SENDER, url: `${SELF.origin}popup.html` }],
    ['a file: page', { ...PAGE_SENDER, url: 'file:///home/me/page.html' }],
    ['a sender without a URL', { ...PAGE_SENDER, url: undefined }],
  ])('refuses %s', async (_what, sender) => {
    const { ports, fake } = await watching();
    const before = ports.session.dump();
    const answer = await routeWatchReport({ kind: WATCH_MESSAGE_KIND, report: report(fake) }, sender, SELF, ports);
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(ports.session.dump()).toEqual(before);
    expect(fake.badges.size).toBe(0);
  });

  it.each<[string, unknown]>([
    ['a request of the page protocol', { type: 'vault.snapshot', payload: {} }],
    ['an add request', { type: 'scan.add', payload: { target: { tabId: 5 }, keys: ['x'] } }],
    ['a report with extra keys', { kind: WATCH_MESSAGE_KIND, report: {}, tabId: 9 }],
    ['nothing', null],
    ['a string', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP'],
  ])('refuses %s from a content script', async (_what, message) => {
    const { ports } = await watching();
    const before = ports.session.dump();
    expect(await routeWatchReport(message, PAGE_SENDER, SELF, ports)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(ports.session.dump()).toEqual(before);
  });

  it('refuses reports while automatic detection is off', async () => {
    const { ports, fake } = withFakeScan(vault.ports);
    const before = ports.session.dump();
    expect(await routeWatchReport({ kind: WATCH_MESSAGE_KIND, report: report(fake) }, PAGE_SENDER, SELF, ports)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(ports.session.dump()).toEqual(before);
  });

  it('refuses a malformed report, naming the field', async () => {
    const { ports, fake } = await watching();
    const bad = { ...report(fake), viewport: { width: 0, height: 600, devicePixelRatio: 1 } };
    expect(await routeWatchReport({ kind: WATCH_MESSAGE_KIND, report: bad }, PAGE_SENDER, SELF, ports)).toMatchObject({
      ok: false,
      error: { code: 'bad-request', field: 'report.viewport.width' },
    });
  });

  it(`stops after ${DECODE_BUDGETS.watchReportsPerPage} reports per page; another origin in the tab starts afresh`, async () => {
    const { ports, fake } = await watching();
    for (let i = 0; i < DECODE_BUDGETS.watchReportsPerPage; i++) {
      expect((await routeWatchReport({ kind: WATCH_MESSAGE_KIND, report: report(fake) }, PAGE_SENDER, SELF, ports)).ok).toBe(true);
    }
    expect(await routeWatchReport({ kind: WATCH_MESSAGE_KIND, report: report(fake) }, PAGE_SENDER, SELF, ports)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const elsewhere = { ...PAGE_SENDER, url: 'https://other.example.org/' };
    expect((await routeWatchReport({ kind: WATCH_MESSAGE_KIND, report: report(fake) }, elsewhere, SELF, ports)).ok).toBe(true);
  });
});
