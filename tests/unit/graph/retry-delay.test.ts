import { describe, expect, it } from 'vitest';
import { GraphConflictError, GraphError, GraphFileChangedDuringDownloadError, GraphForbiddenError, GraphNetworkError, GraphNotFoundError, GraphPreconditionFailedError, GraphRequestRejectedError, GraphResponseError, GraphServerError, GraphThrottledError, GraphUnauthorizedError, retryDelayMs } from '../../../lib/graph';

const throttled = (retryAfterSeconds?: number) =>
  new GraphThrottledError('throttled', { status: 429, code: 'activityLimitReached', ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) });
const network = new GraphNetworkError('offline', { status: 0, code: 'networkError' });
const server = (retryAfterSeconds?: number) =>
  new GraphServerError('server', { status: 500, code: 'generalException', ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) });
const changing = new GraphFileChangedDuringDownloadError('changing', { status: 200, code: 'fileChangedDuringDownload' });

describe('retryDelayMs: retryable errors', () => {
  // Backoff b = min(2000 · 2^attempt, 900 000); delay = floor(b/2 + random · b/2).
  it.each([
    ['network, first retry, random 0', network, 0, 0, 1_000],
    ['network, first retry, random 0.5', network, 0, 0.5, 1_500],
    ['network, first retry, random just below 1', network, 0, 0.9999, 1_999],
    ['network, second retry', network, 1, 0, 2_000],
    ['network, fourth retry, random 0.5', network, 3, 0.5, 12_000],
    ['network, ninth retry (just under the cap)', network, 8, 0, 256_000],
    ['network, tenth retry (capped at 15 min)', network, 9, 0, 450_000],
    ['network, tenth retry, top of the range', network, 9, 0.9999999, 899_999],
    ['network, attempt 5000 (2^attempt overflows, still capped)', network, 5000, 0.5, 675_000],
    ['429 without Retry-After backs off', throttled(), 2, 0, 4_000],
    ['5xx without Retry-After backs off', server(), 0, 0, 1_000],
    ['a download that kept changing backs off', changing, 0, 0.25, 1_250],
    ['429 with Retry-After: exactly that at random 0', throttled(7), 0, 0, 7_000],
    ['429 with Retry-After 1 h: 1 h', throttled(3600), 0, 0, 3_600_000],
    ['429 with Retry-After of ten digits: capped at 1 h', throttled(9_999_999_999), 0, 0, 3_600_000],
    ['503 with Retry-After of a day: capped at 1 h (+ jitter)', throttled(86_400), 0, 0.5, 3_600_500],
    ['429 with Retry-After: plus up to 1 s of jitter', throttled(7), 0, 0.5, 7_500],
    ['429 with Retry-After: the attempt does not matter', throttled(7), 12, 0, 7_000],
    ['429 with Retry-After 0', throttled(0), 4, 0.1, 100],
    ['429 with a long Retry-After is honoured beyond the backoff cap', throttled(3600), 0, 0, 3_600_000],
    ['5xx with Retry-After', server(3), 5, 0, 3_000],
  ])('%s', (_label, error, attempt, random, expected) => {
    expect(retryDelayMs(error, attempt, () => random)).toBe(expected);
  });

  it('never waits less than a server-given Retry-After, whatever the attempt and random value', () => {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      for (const random of [0, 0.3, 0.9999]) {
        const delay = retryDelayMs(throttled(42), attempt, () => random);
        expect(delay).toBeGreaterThanOrEqual(42_000);
        expect(delay).toBeLessThan(43_000);
      }
    }
  });

  it('backoff stays within [b/2, b) and never exceeds 15 min', () => {
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const ceiling = Math.min(900_000, 2_000 * 2 ** attempt);
      expect(retryDelayMs(network, attempt, () => 0)).toBe(ceiling / 2);
      expect(retryDelayMs(network, attempt, () => 0.999999)).toBeLessThan(ceiling);
    }
  });
});

describe('retryDelayMs: errors retrying cannot fix', () => {
  const details = (status: number, code: string) => ({ status, code });
  it.each([
    ['412 (merge first)', new GraphPreconditionFailedError('x', details(412, 'resourceModified'))],
    ['404', new GraphNotFoundError('x', details(404, 'itemNotFound'))],
    ['409', new GraphConflictError('x', details(409, 'nameAlreadyExists'))],
    ['401 (sign in again)', new GraphUnauthorizedError('x', details(401, 'InvalidAuthenticationToken'))],
    ['403', new GraphForbiddenError('x', details(403, 'accessDenied'))],
    ['other 4xx', new GraphRequestRejectedError('x', details(400, 'invalidRequest'))],
    ['a malformed answer', new GraphResponseError('x', details(200, 'malformedResponse'))],
    ['403 even with a Retry-After', new GraphForbiddenError('x', { ...details(403, 'accessDenied'), retryAfterSeconds: 5 })],
    ['the base class', new GraphError('x', details(500, 'generalException'))],
    ["the token source's own error", new Error('interaction_required')],
    ['a string', 'boom'],
    ['undefined', undefined],
  ])('%s → null', (_label, error) => {
    expect(retryDelayMs(error, 0, () => 0.5)).toBeNull();
  });
});

describe('retryDelayMs: arguments', () => {
  it.each([-1, 1.5, Number.NaN])('refuses attempt %s', (attempt) => {
    expect(() => retryDelayMs(network, attempt, () => 0)).toThrow(RangeError);
  });

  it.each([1, -0.1, Number.NaN])('refuses random() = %s', (value) => {
    expect(() => retryDelayMs(network, 0, () => value)).toThrow(RangeError);
  });
});
