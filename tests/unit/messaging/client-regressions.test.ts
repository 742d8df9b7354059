import { describe, expect, it } from 'vitest';
import { createClient } from '../../../lib/messaging/client';

/*
 * Failing tests (see the report): createClient accepts any object that has an
 * `ok` key, so an answer of the wrong shape reaches callers, which then read
 * `error.code` of undefined or a `value` that isn't there.
 */
describe('createClient with answers of the wrong shape', () => {
  it.each([
    ['ok that is not a boolean', { ok: 'yes', value: 1 }],
    ['a failure without an error', { ok: false }],
    ['a failure whose error is text', { ok: false, error: 'locked' }],
    ['a failure whose error has no code', { ok: false, error: { message: 'x' } }],
    ['a success without a value', { ok: true }],
  ])('turns %s into an internal failure', async (_label, answer) => {
    const request = createClient(async () => answer);
    expect(await request('vault.status', {})).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
  });
});
