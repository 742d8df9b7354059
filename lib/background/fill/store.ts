import { PENDING_FILL_ITEM, readItem, removeItem, writeItem } from '../../storage';
import type { PendingFill } from '../../autofill/pending-fill';
import type { BackgroundPorts } from '../core';

/*
 * The one pending fill per tab (docs/autofill.md, step 2), in storage.session:
 * written after the checks, consumed by the first request from its frame.
 */

export function writePendingFill(ports: BackgroundPorts, tabId: number, pending: PendingFill): Promise<void> {
  return writeItem(ports.session, PENDING_FILL_ITEM, pending, tabId);
}

export function dropPendingFill(ports: BackgroundPorts, tabId: number): Promise<void> {
  return removeItem(ports.session, PENDING_FILL_ITEM, tabId);
}

/**
 * Takes the tab's pending fill: returns it and removes it in the same step, so one
 * fill hands out one code. `null` when there is none or it expired.
 */
export async function takePendingFill(ports: BackgroundPorts, tabId: number): Promise<PendingFill | null> {
  const pending = await readItem(ports.session, PENDING_FILL_ITEM, tabId);
  if (pending === null) return null;
  await dropPendingFill(ports, tabId);
  return pending.expiresAtMs > ports.now() ? pending : null;
}

