import { z } from 'zod';
import { answer, defineRequest } from '../define-request';

/** ±100 years in milliseconds: any date a test needs, and no overflow of Date. */
const MAX_OFFSET_MS = 100 * 365 * 24 * 3600 * 1000;

/**
 * Test builds only (lib/build-flags.ts): the background's clock offset, which the
 * testing kit sets (docs/testing-with-puppeteer.md "Time control"). A function, so
 * a production build — where nothing calls it — keeps none of it.
 */
export const testClockRequests = () => ({
  // Setting the clock is the test harness, not a person using the extension.
  'test.clock.set': defineRequest({
    // keepUnlocked: the jump counts as activity, so an unlocked vault stays unlocked.
    payload: z.object({ offsetMs: z.number().int().min(-MAX_OFFSET_MS).max(MAX_OFFSET_MS), keepUnlocked: z.boolean().default(true) }).strict(),
    response: answer<{ offsetMs: number }>(),
    passive: true,
    errors: [],
  }),
});
export type TestClockRequests = ReturnType<typeof testClockRequests>;
