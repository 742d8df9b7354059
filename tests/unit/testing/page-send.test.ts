import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEEP_ALIVE_EVERY_MS, KEEP_ALIVE_MESSAGE } from '../../../lib/messaging/client';
import { UNDELIVERED_MESSAGE } from '../../../lib/messaging/resend';
import { sendInPage, sendThroughPage, settlePageSend, type PageSent } from '../../../testing/page-send';

/*
 * How the kit (and the e2e harness) send from an extension page (testing/page-send.ts):
 * what the page hands back, when a message is sent again, and the keep-alive beat.
 */

const NO_WAIT = { delaysMs: [50, 200], sleep: async () => undefined };
const undelivered: PageSent = { thrown: UNDELIVERED_MESSAGE, isError: true };
const answered: PageSent = { answer: { ok: true, value: 1 } };

describe('sendThroughPage: resent only on the exact "Receiving end does not exist.", at most 3 sends', () => {
  it.each<{ name: string; results: (PageSent | Error)[]; sends: number; outcome: { answer: unknown } | { error: string; isError: boolean } }>([
    { name: 'answered at once', results: [answered], sends: 1, outcome: { answer: answered.answer } },
    { name: 'undelivered once (the background was being suspended), then answered', results: [undelivered, answered], sends: 2, outcome: { answer: answered.answer } },
    { name: 'undelivered twice, then answered', results: [undelivered, undelivered, answered], sends: 3, outcome: { answer: answered.answer } },
    { name: 'undelivered three times: gives up after 3 sends with that error', results: [undelivered, undelivered, undelivered, answered], sends: 3, outcome: { error: UNDELIVERED_MESSAGE, isError: true } },
    { name: 'another failure of sendMessage: may have been acted on, not resent', results: [{ thrown: 'Something went wrong', isError: true }, answered], sends: 1, outcome: { error: 'Something went wrong', isError: true } },
    { name: 'the same words thrown as a string, not an Error: not proof, not resent', results: [{ thrown: UNDELIVERED_MESSAGE, isError: false }, answered], sends: 1, outcome: { error: UNDELIVERED_MESSAGE, isError: false } },
    { name: 'the words with more around them: not that exact error, not resent', results: [{ thrown: `Error: ${UNDELIVERED_MESSAGE}`, isError: true }, answered], sends: 1, outcome: { error: `Error: ${UNDELIVERED_MESSAGE}`, isError: true } },
    { name: "Puppeteer's own failure (the page closed): not resent", results: [new Error('Protocol error: Target closed'), answered], sends: 1, outcome: { error: 'Protocol error: Target closed', isError: true } },
    { name: "Puppeteer's rewording of the error (were it to escape the page): not the exact error, not resent", results: [new Error(`Evaluation failed: Error: ${UNDELIVERED_MESSAGE}`), answered], sends: 1, outcome: { error: `Evaluation failed: Error: ${UNDELIVERED_MESSAGE}`, isError: true } },
  ])('$name', async ({ results, sends, outcome }) => {
    const sent: unknown[] = [];
    const sendOnce = async (message: unknown): Promise<PageSent> => {
      const result = results[sent.length]!;
      sent.push(message);
      if (result instanceof Error) throw result;
      return result;
    };
    const message = { type: 'vault.status', payload: {} };
    const settled = await sendThroughPage(sendOnce, message, NO_WAIT).then(
      (answer) => ({ answer }),
      (error: unknown) => ({ error: error instanceof Error ? error.message : String(error), isError: error instanceof Error }),
    );
    expect(settled).toEqual(outcome);
    expect(sent).toEqual(Array.from({ length: sends }, () => message));
  });
});

describe('settlePageSend', () => {
  it.each<[string, PageSent, { answer: unknown } | { thrown: unknown }]>([
    ['an answer is handed back as it came', { answer: { ok: false, error: { code: 'locked' } } }, { answer: { ok: false, error: { code: 'locked' } } }],
    ['an answer of undefined is still an answer', { answer: undefined }, { answer: undefined }],
    ['an Error thrown in the page: an Error with its exact message', { thrown: UNDELIVERED_MESSAGE, isError: true }, { thrown: new Error(UNDELIVERED_MESSAGE) }],
    ['a string thrown in the page: that string', { thrown: 'no', isError: false }, { thrown: 'no' }],
  ])('%s', (_what, sent, outcome) => {
    let result: { answer: unknown } | { thrown: unknown };
    try {
      result = { answer: settlePageSend(sent) };
    } catch (thrown) {
      result = { thrown };
    }
    expect(result).toEqual(outcome);
  });
});

describe('sendInPage (run in the extension page): a keep-alive beat every 500 ms while unanswered', () => {
  // The unit tests' setup gives globalThis a fake `browser` (WXT's): each test sets its own, and the originals come back after.
  const scope = globalThis as unknown as { browser?: unknown; chrome?: unknown };
  const original = { browser: scope.browser, chrome: scope.chrome };
  afterEach(() => {
    vi.useRealTimers();
    scope.browser = original.browser;
    scope.chrome = original.chrome;
  });

  /** A runtime whose sendMessage settles `message` after `afterMs`, and records every message with its time. */
  function fakeRuntime(afterMs: number, settle: { answer: unknown } | { reject: unknown }) {
    const messages: { at: number; message: unknown }[] = [];
    const start = Date.now();
    const sendMessage = (message: unknown) => {
      messages.push({ at: Date.now() - start, message });
      if (message === KEEP_ALIVE_MESSAGE) return Promise.reject(new Error(UNDELIVERED_MESSAGE));
      // A page may be rejected with anything, a string too.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      return new Promise((resolve, reject) => setTimeout(() => ('answer' in settle ? resolve(settle.answer) : reject(settle.reject)), afterMs));
    };
    return { runtime: { sendMessage }, messages };
  }

  it.each<{ name: string; afterMs: number; settle: { answer: unknown } | { reject: unknown }; beats: number[]; sent: PageSent }>([
    { name: 'answered at once: no beat', afterMs: 0, settle: { answer: 'yes' }, beats: [], sent: { answer: 'yes' } },
    { name: 'answered after 1.2 s: beats at 0.5 s and 1 s, none after', afterMs: 1200, settle: { answer: 'yes' }, beats: [500, 1000], sent: { answer: 'yes' } },
    { name: 'an Argon2-long request (3.1 s): six beats', afterMs: 3100, settle: { answer: 'yes' }, beats: [500, 1000, 1500, 2000, 2500, 3000], sent: { answer: 'yes' } },
    { name: 'rejected with an Error after 0.7 s: its exact message handed back, beats stop', afterMs: 700, settle: { reject: new Error(UNDELIVERED_MESSAGE) }, beats: [500], sent: { thrown: UNDELIVERED_MESSAGE, isError: true } },
    { name: 'rejected with a string: handed back as not an Error', afterMs: 0, settle: { reject: 'no' }, beats: [], sent: { thrown: 'no', isError: false } },
  ])('$name', async ({ afterMs, settle, beats, sent }) => {
    vi.useFakeTimers();
    const fake = fakeRuntime(afterMs, settle);
    scope.browser = undefined;
    scope.chrome = { runtime: fake.runtime };
    const result = sendInPage({ type: 'vault.unlock' }, KEEP_ALIVE_MESSAGE, KEEP_ALIVE_EVERY_MS);
    await vi.advanceTimersByTimeAsync(afterMs + 5000);
    expect(await result).toEqual(sent);
    expect(fake.messages.filter((m) => m.message === KEEP_ALIVE_MESSAGE).map((m) => m.at)).toEqual(beats);
    expect(fake.messages.filter((m) => m.message !== KEEP_ALIVE_MESSAGE)).toEqual([{ at: 0, message: { type: 'vault.unlock' } }]);
  });

  it("uses Firefox's `browser` when the page has it", async () => {
    const firefox = fakeRuntime(0, { answer: 'firefox' });
    scope.browser = { runtime: firefox.runtime };
    scope.chrome = { runtime: fakeRuntime(0, { answer: 'chrome' }).runtime };
    expect(await sendInPage({}, KEEP_ALIVE_MESSAGE, KEEP_ALIVE_EVERY_MS)).toEqual({ answer: 'firefox' });
  });
});
