import { describe, expect, it, vi } from 'vitest';
import { createClient, KEEP_ALIVE_EVERY_MS } from '../../../lib/messaging/client';
import { DEFAULT_RESEND, UNDELIVERED_MESSAGE } from '../../../lib/messaging/resend';

/** Resends without real waiting. */
const NO_WAIT = { ...DEFAULT_RESEND, sleep: async () => undefined };

describe('createClient', () => {
  it('sends { type, payload } and hands back the answer as it came', async () => {
    const sent: unknown[] = [];
    const request = createClient(async (message) => {
      sent.push(message);
      return { ok: true, value: { state: 'locked' } };
    });
    expect(await request('vault.status', {})).toEqual({ ok: true, value: { state: 'locked' } });
    expect(sent).toEqual([{ type: 'vault.status', payload: {} }]);
  });

  it('hands back a failure from the background unchanged', async () => {
    const failure = { ok: false, error: { code: 'invalid-account', message: 'Bad digits.', field: 'digits', reason: 'out-of-range' } };
    const request = createClient(async () => failure);
    expect(await request('accounts.add', { draft: {} })).toEqual(failure);
  });

  it.each([
    ['an Error', new Error('Extension context invalidated.'), 'Extension context invalidated.'],
    ['a string', 'disconnected', 'disconnected'],
  ])('turns a transport that throws %s into an internal failure', async (_label, thrown, message) => {
    const request = createClient(async () => {
      throw thrown;
    }, { resend: NO_WAIT });
    expect(await request('vault.status', {})).toEqual({ ok: false, error: { code: 'internal', message } });
  });

  /** A transport that throws `failures` in turn, then answers. */
  function flaky(failures: unknown[]) {
    const sent: unknown[] = [];
    const send = async (message: unknown) => {
      sent.push(message);
      if (sent.length <= failures.length) throw failures[sent.length - 1];
      return { ok: true, value: { state: 'locked' } };
    };
    return { send, sent };
  }

  const undelivered = () => new Error(UNDELIVERED_MESSAGE);
  const OK = { ok: true, value: { state: 'locked' } };
  const internal = (message: string) => ({ ok: false, error: { code: 'internal', message } });

  it.each([
    { name: 'delivered at once: sent once', failures: [], sends: 1, answer: OK },
    { name: 'undelivered once (the background was being suspended): sent again, answered', failures: [undelivered()], sends: 2, answer: OK },
    { name: 'undelivered twice: the third send is answered', failures: [undelivered(), undelivered()], sends: 3, answer: OK },
    { name: 'undelivered three times: gives up after 3 sends', failures: [undelivered(), undelivered(), undelivered()], sends: 3, answer: internal(UNDELIVERED_MESSAGE) },
    { name: 'another error may come after delivery: never resent', failures: [new Error('Message manager disconnected')], sends: 1, answer: internal('Message manager disconnected') },
    { name: 'undelivered, then another error: not resent again', failures: [undelivered(), new Error('Message manager disconnected')], sends: 2, answer: internal('Message manager disconnected') },
    { name: 'the same words in a string, not an Error: not proof, not resent', failures: [UNDELIVERED_MESSAGE], sends: 1, answer: internal(UNDELIVERED_MESSAGE) },
    { name: 'the words with more around them: not that exact error, not resent', failures: [new Error(`Error: ${UNDELIVERED_MESSAGE}`)], sends: 1, answer: internal(`Error: ${UNDELIVERED_MESSAGE}`) },
  ])('$name', async ({ failures, sends, answer }) => {
    const { send, sent } = flaky(failures);
    const waits: number[] = [];
    const request = createClient(send, { resend: { ...DEFAULT_RESEND, sleep: async (ms) => void waits.push(ms) } });
    expect(await request('vault.status', {})).toEqual(answer);
    expect(sent).toHaveLength(sends);
    expect(sent.every((m) => JSON.stringify(m) === JSON.stringify({ type: 'vault.status', payload: {} }))).toBe(true);
    // A short, growing pause before each resend.
    expect(waits).toEqual(DEFAULT_RESEND.delaysMs.slice(0, sends - 1));
  });

  it('turns a transport that throws synchronously into an internal failure', async () => {
    const request = createClient(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(await request('vault.status', {})).toEqual({ ok: false, error: { code: 'internal', message: 'Extension context invalidated.' } });
  });

  it.each([
    ['no answer (undefined: no listener answered)', undefined],
    ['null', null],
    ['a string', 'ok'],
    ['a number', 1],
    ['an object without ok', { value: 1 }],
    ['an array', [true]],
  ])('turns %s into an internal failure', async (_label, answer) => {
    const request = createClient(async () => answer);
    const result = await request('vault.status', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
  });

  it.each([
    ['answered at once', 0, 0],
    ['answered after 3 s', 3000, Math.floor(3000 / KEEP_ALIVE_EVERY_MS)],
  ])('keeps the background awake while a request is unanswered (%s), and stops with the answer', async (_label, answerAfterMs, beats) => {
    vi.useFakeTimers();
    try {
      let kept = 0;
      const request = createClient(() => new Promise((resolve) => setTimeout(() => resolve({ ok: true, value: null }), answerAfterMs)), { keepAlive: () => (kept += 1) });
      const answer = request('vault.rekey', { currentPassword: 'a', newPassword: 'b' });
      await vi.advanceTimersByTimeAsync(answerAfterMs);
      expect(await answer).toEqual({ ok: true, value: null });
      await vi.advanceTimersByTimeAsync(10 * KEEP_ALIVE_EVERY_MS);
      expect(kept).toBe(beats);
    } finally {
      vi.useRealTimers();
    }
  });
});
