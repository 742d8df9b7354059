import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { SCAN_LIMITS } from '../lib/scan/scan-limits';
import { collectReport } from './scan-dom/collect';

/*
 * "Scan this page": injected on demand into the tab's top frame with
 * scripting.executeScript under activeTab. Its completion value — the report —
 * is what executeScript resolves to; it sends no message, receives nothing and
 * leaves nothing behind in the page (docs/page-scanning.md).
 */
export default defineUnlistedScript(() =>
  collectReport(document, {
    maxCandidates: SCAN_LIMITS.maxCandidates,
    budgetMs: SCAN_LIMITS.collectBudgetMs,
    waitForImagesMs: 500,
    includeRegions: true,
  }),
);
