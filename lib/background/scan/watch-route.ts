import { z } from 'zod';
import type { ProtocolFailure } from '../../messaging/failure';
import { fail, ok, type Result } from '../../result';
import { TEST_HOOKS } from '../../build-flags';
import { enrollmentSite } from '../../autofill/site-entry';
import { httpOrigin } from '../../scan/registrable-domain';
import { DECODE_BUDGETS, WATCH_MESSAGE_KIND } from '../../scan/scan-limits';
import type { ExtensionIdentity } from '../core';
import { decodeReport } from './decode';
import { InvalidScanReportError } from './errors';
import { parseScanReport } from './parse-report';
import { logScanRefusals } from './refusal-log';
import { scanPortsOf, type ScanCapablePorts } from './ports';
import { readAutoDetect, readScanRecord, recordTabTexts } from './store';
import { scanViewOf, waitingCount } from './views';

/*
 * The one message a content script may send (docs/page-scanning.md "Automatic
 * detection"): the watcher's report of QR-like images on a page. It never reaches
 * the request handlers, answers nothing but ok/refused, and is trusted in nothing:
 * the sender is checked, the page's origin is the browser's word, the report is
 * parsed strictly, and each page has a bounded decoding budget.
 */

/** Who sent a message from a content script, as the browser reports it (runtime.MessageSender). */
export interface ContentScriptSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

const WatchMessage = z.object({ kind: z.literal(WATCH_MESSAGE_KIND), report: z.unknown() }).strict();

/**
 * Handles a message that did not come from one of the extension's pages. Accepts
 * only a watcher report from this extension's content script in the top frame of an
 * http(s) tab, while automatic detection is on and the page's budget lasts.
 */
export async function routeWatchReport(
  message: unknown,
  sender: ContentScriptSender,
  self: ExtensionIdentity,
  ports: ScanCapablePorts,
): Promise<Result<null, ProtocolFailure<'forbidden-sender' | 'bad-request'>>> {
  const tabId = sender.tab?.id;
  const origin = sender.url ? httpOrigin(sender.url) : null;
  if (sender.id !== self.id || typeof tabId !== 'number' || sender.frameId !== 0 || origin === null) {
    return fail({ code: 'forbidden-sender', message: 'Refused: not the scanner in a page’s top frame.' });
  }
  const parsed = WatchMessage.safeParse(message);
  if (!parsed.success) return fail({ code: 'forbidden-sender', message: 'Refused: content scripts may only send scan reports.' });
  if (!(await readAutoDetect(ports))) return fail({ code: 'forbidden-sender', message: 'Refused: automatic detection is off.' });

  let report;
  try {
    report = parseScanReport(parsed.data.report);
  } catch (error) {
    if (error instanceof InvalidScanReportError) return fail({ code: 'bad-request', message: error.message, field: error.field });
    throw error;
  }

  const previous = await readScanRecord(ports, { tabId });
  const used = previous && previous.target.kind === 'tab' && previous.target.origin === origin ? previous.watch : { reports: 0, spentMs: 0 };
  const left = DECODE_BUDGETS.watchPageMs - used.spentMs;
  if (used.reports >= DECODE_BUDGETS.watchReportsPerPage || left <= 0) {
    return fail({ code: 'bad-request', message: 'Refused: this page has used its scanning budget.' });
  }

  const scan = scanPortsOf(ports);
  // No screenshots here: a page must not cause one by itself; regions wait for "Scan this page".
  const outcome = await decodeReport(
    { ...report, regions: [] },
    { pngPixels: (url) => scan.pngPixels(url), fetchImage: (url, side, rules) => scan.fetchImage(url, side, rules), capture: null, clock: () => scan.clock(), zxing: scan.zxing, page: { url: sender.url ?? null, automatic: true } },
    Math.min(DECODE_BUDGETS.watchReportMs, left),
  );
  if (TEST_HOOKS) await logScanRefusals(ports, origin, outcome.refusals);
  const record = await recordTabTexts(ports, { tabId, origin, site: sender.url ? enrollmentSite(sender.url) : null }, outcome.texts, {
    spentMs: outcome.elapsedMs,
  });
  if (record.texts.length > 0) await scan.showFoundCount(tabId, waitingCount(await scanViewOf(ports, record)));
  return ok(null);
}
