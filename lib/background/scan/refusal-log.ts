import type { BackgroundPorts } from '../core';
import type { ImageRefusal } from './decode';

/*
 * Test builds only (lib/build-flags.ts; callers check TEST_HOOKS): the images
 * scanning refused and why, so an end-to-end test can tell "refused by the cap"
 * from "read and found nothing" without timing anything. It lives in
 * storage.session like the test clock — nothing secret (hosts and sizes), gone
 * when the browser closes, kept across a restarted worker or a suspended event page.
 */

/** storage.session key of the log (test builds only; not in the production registry). */
export const TEST_SCAN_REFUSALS_KEY = 'test-scan-refusals';

/** Entries kept: the newest. */
const MAX_LOGGED = 64;

/** One logged refusal: the page's origin (the browser's word) and why. */
export type LoggedRefusal = ImageRefusal & { page: string | null };

/** The log with `refusals` for `page` appended, newest kept. */
export function appendRefusals(previous: unknown, page: string | null, refusals: readonly ImageRefusal[]): LoggedRefusal[] {
  const kept = Array.isArray(previous) ? (previous as LoggedRefusal[]) : [];
  return [...kept, ...refusals.map((refusal) => ({ ...refusal, page }))].slice(-MAX_LOGGED);
}

/** Appends `refusals` to the stored log (nothing to write when there are none). */
export async function logScanRefusals(ports: BackgroundPorts, page: string | null, refusals: readonly ImageRefusal[]): Promise<void> {
  if (refusals.length === 0) return;
  await ports.session.set(TEST_SCAN_REFUSALS_KEY, appendRefusals(await ports.session.get(TEST_SCAN_REFUSALS_KEY), page, refusals));
}
