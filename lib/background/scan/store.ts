import { keyOf, parseStored, readItem, SCAN_RECORD_ITEM, SCAN_SETTINGS_ITEM, writeItem } from '../../storage';
import type { ScanRecord } from '../../scan/scan-record';
import { keepOtpTexts } from '../../scan/kept-texts';
import type { ScanTarget } from '../../scan/scan-view';
import type { BackgroundPorts } from '../core';

/*
 * Found codes waiting for the user, one storage.session entry per source
 * (docs/page-scanning.md "Where found codes wait"). storage.session is memory
 * only and closed to content scripts; entries still expire quickly, because they
 * hold secrets the user has not chosen to keep.
 */

/** A record untouched this long is dropped, ms. */
export const SCAN_RECORD_TTL_MS = 10 * 60_000;

export { ScanRecord } from '../../scan/scan-record';

/** The storage.session key of a target's record (a member of the registry's `scan:` family). */
export function scanRecordKey(target: ScanTarget): string {
  return keyOf(SCAN_RECORD_ITEM, 'tabId' in target ? `tab:${target.tabId}` : 'image');
}

/**
 * The record, or `null` when there is none or it expired (then it is removed: it
 * holds secrets the user has not chosen to keep). An unreadable record is a
 * StoredValueInvalidError and stays in place until the next lock clears it.
 */
export async function readScanRecord(ports: BackgroundPorts, target: ScanTarget): Promise<ScanRecord | null> {
  const key = scanRecordKey(target);
  const raw = await ports.session.get(key);
  if (raw === undefined) return null;
  const record = parseStored(SCAN_RECORD_ITEM, key, raw);
  if (ports.now() - record.updatedAtMs > SCAN_RECORD_TTL_MS) {
    await ports.session.remove(key);
    return null;
  }
  return record;
}

/**
 * Adds newly decoded texts to a tab's record (ours only, each once) and stores it in
 * one write. A record of another origin — the tab went elsewhere — is replaced.
 */
export async function recordTabTexts(
  ports: BackgroundPorts,
  tab: { tabId: number; origin: string; site: string | null },
  decoded: readonly string[],
  watchUse?: { spentMs: number },
): Promise<ScanRecord> {
  const target: ScanTarget = { tabId: tab.tabId };
  const previous = await readScanRecord(ports, target);
  const same = previous && previous.target.kind === 'tab' && previous.target.origin === tab.origin ? previous : null;
  const watch = same?.watch ?? { reports: 0, spentMs: 0 };
  const record: ScanRecord = {
    v: 1,
    target: { kind: 'tab', tabId: tab.tabId, origin: tab.origin },
    site: tab.site,
    updatedAtMs: ports.now(),
    texts: keepOtpTexts(same?.texts ?? [], decoded),
    addedKeys: same?.addedKeys ?? [],
    watch: watchUse ? { reports: watch.reports + 1, spentMs: watch.spentMs + watchUse.spentMs } : watch,
  };
  await ports.session.setMany({ [scanRecordKey(target)]: SCAN_RECORD_ITEM.toStored(record) });
  return record;
}

/** Adds texts decoded from image files in the options page to the image record. */
export async function recordImageTexts(ports: BackgroundPorts, decoded: readonly string[]): Promise<ScanRecord> {
  const target: ScanTarget = { image: true };
  const previous = await readScanRecord(ports, target);
  const record: ScanRecord = {
    v: 1,
    target: { kind: 'image' },
    site: null,
    updatedAtMs: ports.now(),
    texts: keepOtpTexts(previous?.texts ?? [], decoded),
    addedKeys: previous?.addedKeys ?? [],
    watch: { reports: 0, spentMs: 0 },
  };
  await ports.session.setMany({ [scanRecordKey(target)]: SCAN_RECORD_ITEM.toStored(record) });
  return record;
}

/** Marks accounts as added from a record (in one write). */
export async function markAdded(ports: BackgroundPorts, record: ScanRecord, keys: readonly string[]): Promise<ScanRecord> {
  const target: ScanTarget = record.target.kind === 'tab' ? { tabId: record.target.tabId } : { image: true };
  const next: ScanRecord = { ...record, addedKeys: [...new Set([...record.addedKeys, ...keys])], updatedAtMs: ports.now() };
  await ports.session.setMany({ [scanRecordKey(target)]: SCAN_RECORD_ITEM.toStored(next) });
  return next;
}

export async function dropScanRecord(ports: BackgroundPorts, target: ScanTarget): Promise<void> {
  await ports.session.remove(scanRecordKey(target));
}

/** storage.local key of the automatic detection setting (not secret, so not in the vault). */
export const SCAN_SETTINGS_KEY = SCAN_SETTINGS_ITEM.key;

/** Whether the user turned automatic detection on (default off; unreadable → StoredValueInvalidError). */
export async function readAutoDetect(ports: BackgroundPorts): Promise<boolean> {
  return (await readItem(ports.local, SCAN_SETTINGS_ITEM))?.autoDetect ?? false;
}

export async function writeAutoDetect(ports: BackgroundPorts, autoDetect: boolean): Promise<void> {
  await writeItem(ports.local, SCAN_SETTINGS_ITEM, { autoDetect });
}
