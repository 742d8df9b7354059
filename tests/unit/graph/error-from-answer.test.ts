import { describe, expect, it } from 'vitest';
import { GraphConflictError, GraphError, GraphForbiddenError, GraphNotFoundError, GraphPreconditionFailedError, GraphRequestRejectedError, GraphResponseError, GraphServerError, GraphThrottledError, GraphUnauthorizedError } from '../../../lib/graph';
import { errorFromAnswer } from '../../../lib/graph/error-from-answer';
import type { GraphAnswer } from '../../../lib/graph/graph-answer';

const NOW = Date.UTC(2026, 9, 21, 7, 27, 30);
const OPERATION = 'Uploading hikae-backup.json to OneDrive';

function answer(status: number, text = '', headers: Record<string, string> = {}): GraphAnswer {
  return { status, text, headers: new Headers(headers) };
}

function graphBody(code: string, message: string): string {
  return JSON.stringify({ error: { code, message, innerError: { date: '2026-10-21T07:27:30', 'request-id': 'r-1', 'client-request-id': 'c-1' } } });
}

describe('errorFromAnswer: the class follows the status alone', () => {
  it.each([
    [400, 'GraphRequestRejectedError', GraphRequestRejectedError, 'requestRejected'],
    [401, 'GraphUnauthorizedError', GraphUnauthorizedError, 'unauthenticated'],
    [403, 'GraphForbiddenError', GraphForbiddenError, 'forbidden'],
    [404, 'GraphNotFoundError', GraphNotFoundError, 'itemNotFound'],
    [405, 'GraphRequestRejectedError', GraphRequestRejectedError, 'requestRejected'],
    [409, 'GraphConflictError', GraphConflictError, 'conflict'],
    [412, 'GraphPreconditionFailedError', GraphPreconditionFailedError, 'preconditionFailed'],
    [413, 'GraphRequestRejectedError', GraphRequestRejectedError, 'requestRejected'],
    [429, 'GraphThrottledError', GraphThrottledError, 'throttled'],
    [500, 'GraphServerError', GraphServerError, 'serverError'],
    [502, 'GraphServerError', GraphServerError, 'serverError'],
    [503, 'GraphThrottledError', GraphThrottledError, 'throttled'],
    [504, 'GraphServerError', GraphServerError, 'serverError'],
    [302, 'GraphResponseError', GraphResponseError, 'unexpectedStatus'],
    [101, 'GraphResponseError', GraphResponseError, 'unexpectedStatus'],
  ])('%i without a body → %s, code %s', (status, _name, errorClass, code) => {
    const error = errorFromAnswer(answer(status), OPERATION, NOW);
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status, code });
    expect([error.retryAfterSeconds, error.requestId, error.cause]).toEqual([undefined, undefined, undefined]);
    expect(error.message.startsWith(`${OPERATION} failed: `)).toBe(true);
    expect(error.message.endsWith(` (HTTP ${status} ${code}).`)).toBe(true);
    expect(error.name).toBe(errorClass.name);
  });

  it("takes Graph's code and message from the body; the error object is the cause", () => {
    const error = errorFromAnswer(answer(412, graphBody('resourceModified', "ETag does not match current item's value"), { 'request-id': 'r-1' }), OPERATION, NOW);
    expect(error).toBeInstanceOf(GraphPreconditionFailedError);
    expect(error).toMatchObject({ status: 412, code: 'resourceModified', requestId: 'r-1' });
    expect(error.message).toMatch(/^Uploading hikae-backup\.json to OneDrive failed: .* \(HTTP 412 resourceModified\): ETag does not match current item's value$/);
    expect(error.cause).toEqual({ code: 'resourceModified', message: "ETag does not match current item's value", innerError: expect.objectContaining({ 'request-id': 'r-1' }) });
  });

  it.each([
    ['an HTML error page', '<html><body><h1>502 Bad Gateway</h1><p>secret-looking text</p></body></html>'],
    ['JSON of another shape', '{"error":"bad_gateway","detail":"secret-looking text"}'],
    ['truncated JSON', '{"error":{"code":"generalExc'],
    ['whitespace', '  \n'],
  ])('tolerates %s: status decides, the body is not quoted', (_label, body) => {
    const error = errorFromAnswer(answer(502, body), OPERATION, NOW);
    expect(error).toBeInstanceOf(GraphServerError);
    expect(error.code).toBe('serverError');
    expect(error.message).not.toContain('secret-looking');
    expect(error.cause).toBeUndefined();
  });

  it("cuts Graph's message to one line of at most 300 characters", () => {
    const long = `first line\r\nsecond\u0007 ${'x'.repeat(400)}`;
    const error = errorFromAnswer(answer(400, graphBody('invalidRequest', long)), OPERATION, NOW);
    const quoted = error.message.slice(error.message.indexOf('): ') + 3);
    expect(quoted.startsWith('first line second ')).toBe(true);
    expect(quoted).toHaveLength(301);
    expect(quoted.endsWith('…')).toBe(true);
  });
});

describe('errorFromAnswer: Retry-After', () => {
  it.each([
    ['seconds on 429', 429, '7', 7],
    ['seconds on 503', 503, '120', 120],
    ['an HTTP-date on 503', 503, 'Wed, 21 Oct 2026 07:28:00 GMT', 30],
    ['an unreadable value', 429, 'later', undefined],
    ['seconds on a 500 too', 500, '3', 3],
  ])('%s', (_label, status, header, expected) => {
    const error = errorFromAnswer(answer(status, graphBody('activityLimitReached', 'Throttled.'), { 'Retry-After': header }), OPERATION, NOW);
    expect(error.retryAfterSeconds).toBe(expected);
  });

  it('names the wait in the message', () => {
    expect(errorFromAnswer(answer(429, '', { 'Retry-After': '7' }), OPERATION, NOW).message).toContain('retry after 7 s');
    expect(errorFromAnswer(answer(429), OPERATION, NOW).message).toContain('retry later');
  });
});
