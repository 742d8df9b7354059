import { describe, expect, it, vi } from 'vitest';
import { createClient, KEEP_ALIVE_EVERY_MS } from '../../../lib/messaging/client';

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
    ['an Error', new Error('Could not establish connection. Receiving end does not exist.'), 'Could not establish connection. Receiving end does not exist.'],
    ['a string', 'disconnected', 'disconnected'],
  ])('turns a transport that throws %s into an internal failure', async (_label, thrown, message) => {
    const request = createClient(async () => {
      throw thrown;
    });
    expect(await request('vault.status', {})).toEqual({ ok: false, error: { code: 'internal', message } });
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
