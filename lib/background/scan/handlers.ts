import type { Account } from '../../otp/account';
import { TEST_HOOKS } from '../../build-flags';
import { findDuplicate } from '../../otp/duplicates';
import { readFoundCodes } from '../../scan/found-codes';
import { enrollmentSite } from '../../autofill/site-entry';
import { httpOrigin } from '../../scan/registrable-domain';
import { DECODE_BUDGETS } from '../../scan/scan-limits';
import type { ScanReport } from '../../scan/scan-report';
import type { ScanAddResult, ScanStats } from '../../scan/scan-view';
import { accountsFromDrafts } from '../../vault';
import type { Handler, HandlersFor } from '../core';
import { decodeReport } from './decode';
import { PermissionRequiredError, ScanNotAllowedError } from './errors';
import { parseScanReport } from './parse-report';
import { logScanRefusals } from './refusal-log';
import { scanPortsOf, type ScanPorts } from './ports';
import { dropScanRecord, markAdded, readAutoDetect, readScanRecord, recordImageTexts, recordTabTexts, writeAutoDetect } from './store';
import { scanViewOf, waitingCount } from './views';
import { changeContents } from '../vault';
import type { SCAN_REQUESTS } from '../../messaging/requests/scan';

/*
 * QR capture (docs/page-scanning.md). The page gets views without secrets; the
 * background keeps the decoded texts in storage.session and adds from its own copy.
 */

/** Runs the collector; `null` when the browser refused to run it (the screenshot may still be allowed). */
async function collectOrNull(scan: ScanPorts, tabId: number): Promise<ScanReport | null> {
  let raw: unknown;
  try {
    raw = await scan.collect(tabId);
  } catch (error) {
    if (error instanceof ScanNotAllowedError) return null;
    throw error;
  }
  return parseScanReport(raw);
}

export const scanTab: Handler<'scan.tab'> = async ({ tabId }, ports) => {
  const scan = scanPortsOf(ports);
  const started = scan.clock();
  const tab = await scan.tab(tabId);
  if (!tab) throw new ScanNotAllowedError('That tab no longer exists.');
  const report = await collectOrNull(scan, tabId);
  const collected = scan.clock();
  if (report === null && (!tab.active || tab.url === null)) throw new ScanNotAllowedError();
  // The origin is the browser's word for the tab, never the page's.
  const origin = httpOrigin(tab.url ?? '') ?? 'about:blank';
  const site = tab.url ? enrollmentSite(tab.url) : null;
  const outcome = await decodeReport(
    report,
    {
      pngPixels: (url) => scan.pngPixels(url),
      fetchImage: (url, maxSide, rules) => scan.fetchImage(url, maxSide, rules),
      capture: tab.active ? () => scan.captureVisible(tab.windowId) : null,
      clock: () => scan.clock(),
      zxing: scan.zxing,
      page: { url: tab.url, automatic: false },
    },
    DECODE_BUDGETS.onDemandMs,
  );
  if (TEST_HOOKS) await logScanRefusals(ports, origin, outcome.refusals);
  if (report === null && !outcome.screenshot) throw new ScanNotAllowedError();
  const record = await recordTabTexts(ports, { tabId, origin, site }, outcome.texts);
  const view = await scanViewOf(ports, record);
  await scan.showFoundCount(tabId, waitingCount(view));
  const stats: ScanStats = {
    collectMs: Math.round(collected - started),
    pageMs: report?.stats.elapsedMs ?? 0,
    decodeMs: Math.round(outcome.elapsedMs),
    totalMs: Math.round(scan.clock() - started),
    candidates: report?.candidates.length ?? 0,
    decodedImages: outcome.decodedImages,
    screenshot: outcome.screenshot,
  };
  return { ...view, stats };
};

export const scanFound: Handler<'scan.found'> = async ({ tabId }, ports) => {
  const scan = scanPortsOf(ports);
  const record = await readScanRecord(ports, { tabId });
  // Only while the tab still shows the page the codes came from.
  const tab = record ? await scan.tab(tabId) : null;
  const origin = tab?.url ? httpOrigin(tab.url) ?? 'about:blank' : null;
  if (!record || record.target.kind !== 'tab' || origin !== record.target.origin) {
    // Nothing waits here (any more): an expired record's count must not stay on the badge.
    await scan.showFoundCount(tabId, 0);
    return null;
  }
  return scanViewOf(ports, record);
};

export const scanTexts: Handler<'scan.texts'> = async ({ texts }, ports) => scanViewOf(ports, await recordImageTexts(ports, texts));

export const scanAdd: Handler<'scan.add'> = async ({ target, keys }, ports) => {
  const record = await readScanRecord(ports, target);
  const result: ScanAddResult = { added: [], skipped: [] };
  if (!record) {
    result.skipped = keys.map((key) => ({ key, reason: 'not-found' as const }));
    return result;
  }
  const found = await readFoundCodes(record.texts, record.site);
  const wanted = new Set(keys);
  const chosen = found.accounts.filter((a) => wanted.has(a.key));
  const known = new Set(chosen.map((a) => a.key));
  for (const key of keys) if (!known.has(key)) result.skipped.push({ key, reason: 'not-found' });

  if (chosen.length === 0) return result;
  const addedKeys = await changeContents(ports, (contents) => {
    const accounts = contents.accounts.slice();
    const keysAdded: string[] = [];
    for (const { key, draft } of chosen) {
      const duplicate = findDuplicate(accounts, draft);
      if (duplicate) {
        result.skipped.push({ key, reason: duplicate.reason });
        continue;
      }
      const [account] = accountsFromDrafts(contents, [draft], { now: ports.now(), newId: ports.randomId }) as [Account];
      accounts.push(account);
      keysAdded.push(key);
      result.added.push({ id: account.id, issuer: account.issuer, accountName: account.accountName });
    }
    return { contents: { ...contents, accounts }, result: keysAdded };
  });
  // Duplicates count as dealt with too: nothing more to add from them.
  const settled = await markAdded(ports, record, [...addedKeys, ...result.skipped.filter((s) => s.reason !== 'not-found').map((s) => s.key)]);
  if ('tabId' in target) await scanPortsOf(ports).showFoundCount(target.tabId, waitingCount(await scanViewOf(ports, settled)));
  return result;
};

export const scanDismiss: Handler<'scan.dismiss'> = async ({ target }, ports) => {
  await dropScanRecord(ports, target);
  if ('tabId' in target) await scanPortsOf(ports).showFoundCount(target.tabId, 0);
  return null;
};

export const scanAutoDetectGet: Handler<'scan.auto-detect.get'> = async (_payload, ports) => ({
  enabled: (await readAutoDetect(ports)) && (await scanPortsOf(ports).hasAllSitesAccess()),
});

export const scanAutoDetectSet: Handler<'scan.auto-detect.set'> = async ({ enabled }, ports) => {
  const scan = scanPortsOf(ports);
  // The page asks for the permission (it needs the user's click); the background checks it was given.
  if (enabled && !(await scan.hasAllSitesAccess())) throw new PermissionRequiredError('<all_urls>');
  await writeAutoDetect(ports, enabled);
  await scan.setWatcherRegistered(enabled);
  return { enabled };
};

/** The handler of each scan request (lib/messaging/requests/scan.ts). */
export const SCAN_HANDLERS: HandlersFor<typeof SCAN_REQUESTS> = {
  'scan.tab': scanTab,
  'scan.found': scanFound,
  'scan.texts': scanTexts,
  'scan.add': scanAdd,
  'scan.dismiss': scanDismiss,
  'scan.auto-detect.get': scanAutoDetectGet,
  'scan.auto-detect.set': scanAutoDetectSet,
};
