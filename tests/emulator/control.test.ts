import { beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../ms-cloud-emulator/server.ts';
import { control, EXTENSION_ORIGIN, graph, refresh, send, tokensFor, type DriveItemBody, type GraphErrorBody, type TokenBody, type TokenErrorBody } from './support/emulator-client.ts';
import { useEmulator } from './support/use-emulator.ts';

const BACKUP = '/me/drive/special/approot:/backup.json:/content';

interface LogEntryBody {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
  user?: string;
  fault?: { id: string; kind: string };
}

let emulator: RunningEmulator;
let alice: TokenBody;

useEmulator('control', (started) => (emulator = started));

beforeEach(async () => {
  alice = await tokensFor(emulator, 'alice@example.com');
});

function upload(body: string, headers: Record<string, string> = {}) {
  return graph(emulator, BACKUP, alice.access_token, { method: 'PUT', headers, body });
}

describe('faults', () => {
  it.each([
    [429, 'activityLimitReached'],
    [503, 'serviceNotAvailable'],
  ])('answers %i with Retry-After for the given count, then the request succeeds', async (status, code) => {
    const rule = await control(emulator, 'POST', '/_emulator/faults', { method: 'PUT', pathIncludes: 'approot', status, retryAfterSeconds: 2, count: 2 });
    expect(rule.status).toBe(201);
    expect(rule.json()).toMatchObject({ id: expect.any(String), status, remaining: 2 });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const answer = await upload('data');
      expect(answer.status).toBe(status);
      expect(answer.headers['retry-after']).toBe('2');
      expect(answer.headers['access-control-allow-origin']).toBe(EXTENSION_ORIGIN);
      expect(answer.json<GraphErrorBody>().error.code).toBe(code);
    }
    expect((await upload('data')).status).toBe(201);
    expect((await control(emulator, 'GET', '/_emulator/faults')).json()).toEqual([]);
  });

  it('only hits matching requests: other methods and preflights go through', async () => {
    await control(emulator, 'POST', '/_emulator/faults', { method: 'PUT', pathIncludes: 'approot', status: 503, count: 5 });
    expect((await graph(emulator, '/me/drive/special/approot', alice.access_token)).status).toBe(200);
    const preflight = await send(emulator, `/v1.0${BACKUP}`, { method: 'OPTIONS', headers: { Origin: EXTENSION_ORIGIN, 'Access-Control-Request-Method': 'PUT' } });
    expect(preflight.status).toBe(204);
    expect((await control(emulator, 'GET', '/_emulator/faults')).json<{ remaining: number }[]>()[0]?.remaining).toBe(5);
  });

  it('answers the token endpoint in its own error shape', async () => {
    await control(emulator, 'POST', '/_emulator/faults', { pathIncludes: '/oauth2/v2.0/token', status: 503, retryAfterSeconds: 1 });
    const failed = await refresh(emulator, alice.refresh_token ?? '');
    expect(failed.status).toBe(503);
    expect(failed.headers['retry-after']).toBe('1');
    expect(failed.json<TokenErrorBody>().error).toBe('temporarily_unavailable');
    expect((await refresh(emulator, alice.refresh_token ?? '')).status).toBe(200);
  });

  it('a network fault destroys the connection without an answer', async () => {
    await control(emulator, 'POST', '/_emulator/faults', { method: 'GET', pathIncludes: '/me', kind: 'network' });
    await expect(graph(emulator, '/me', alice.access_token)).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await graph(emulator, '/me', alice.access_token)).status).toBe(200);
  });

  it('a delay fault answers normally after the delay', async () => {
    await control(emulator, 'POST', '/_emulator/faults', { pathIncludes: '/me', kind: 'delay', delayMs: 300 });
    const started = Date.now();
    expect((await graph(emulator, '/me', alice.access_token)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('a hang fault never answers; the next request is served', async () => {
    await control(emulator, 'POST', '/_emulator/faults', { pathIncludes: '/me', kind: 'hang' });
    await expect(graph(emulator, '/me', alice.access_token, { timeoutMs: 200 })).rejects.toThrow('client timeout');
    expect((await graph(emulator, '/me', alice.access_token)).status).toBe(200);
  });

  it.each([
    [{ status: 429, count: 0 }, 'count'],
    [{ kind: 'status' }, 'status'],
    [{ kind: 'delay' }, 'delayMs'],
    [{ status: 200 }, 'status'],
    [{ status: 429, colour: 'red' }, 'colour'],
  ])('refuses the invalid rule %j naming %s', async (rule, field) => {
    const answer = await control(emulator, 'POST', '/_emulator/faults', rule);
    expect(answer.status).toBe(400);
    expect(answer.json<{ error: string }>().error).toContain(field);
  });

  it('DELETE removes all rules', async () => {
    await control(emulator, 'POST', '/_emulator/faults', { status: 500, count: 3 });
    expect((await control(emulator, 'DELETE', '/_emulator/faults')).status).toBe(204);
    expect((await graph(emulator, '/me', alice.access_token)).status).toBe(200);
  });
});

describe('request log', () => {
  it('records method, path, status, user, fault and selected headers, whole', async () => {
    await control(emulator, 'DELETE', '/_emulator/log');
    const item = (await upload('one')).json<DriveItemBody>();
    await control(emulator, 'POST', '/_emulator/faults', { method: 'PUT', status: 429, retryAfterSeconds: 1 });
    await upload('two', { 'If-Match': item.eTag });
    await upload('three', { 'If-None-Match': '*' });
    const log = (await control(emulator, 'GET', '/_emulator/log')).json<LogEntryBody[]>();
    expect(log.map((e) => [e.method, e.status])).toEqual([
      ['PUT', 201],
      ['PUT', 429],
      ['PUT', 412],
    ]);
    expect(log[0]).toMatchObject({ path: `/v1.0${BACKUP}`, user: 'alice@example.com', headers: { origin: EXTENSION_ORIGIN, authorization: 'Bearer (redacted)' } });
    expect(log[1]?.headers['if-match']).toBe(item.eTag);
    expect(log[1]?.fault).toMatchObject({ kind: 'status' });
    expect(log[2]?.headers['if-none-match']).toBe('*');
    expect((await control(emulator, 'DELETE', '/_emulator/log')).status).toBe(204);
    expect((await control(emulator, 'GET', '/_emulator/log')).json()).toEqual([]);
  });
});

describe('clock, users and reset', () => {
  it('moves the clock forward cumulatively and back to real time', async () => {
    await control(emulator, 'POST', '/_emulator/clock', { advanceSeconds: 60 });
    const clock = (await control(emulator, 'POST', '/_emulator/clock', { advanceSeconds: 30 })).json<{ now: string; offsetSeconds: number }>();
    expect(clock.offsetSeconds).toBe(90);
    expect(Date.parse(clock.now) - Date.now()).toBeGreaterThan(85_000);
    expect((await control(emulator, 'DELETE', '/_emulator/clock')).json()).toMatchObject({ offsetSeconds: 0 });
    expect((await control(emulator, 'POST', '/_emulator/clock', { advanceSeconds: -5 })).status).toBe(400);
  });

  it('lists the test users with their password', async () => {
    const users = (await control(emulator, 'GET', '/_emulator/users')).json<{ email: string; password: string }[]>();
    expect(users.map((u) => u.email)).toEqual(['alice@example.com', 'bob@example.com', 'carol@example.com']);
    expect(new Set(users.map((u) => u.password))).toEqual(new Set(['password']));
  });

  it('reset forgets files, tokens and faults', async () => {
    await upload('x');
    await control(emulator, 'POST', '/_emulator/faults', { status: 500, pathIncludes: 'never-matches' });
    expect((await control(emulator, 'POST', '/_emulator/reset')).status).toBe(204);
    expect((await control(emulator, 'GET', '/_emulator/files/alice%40example.com')).json()).toMatchObject({ appFolderExists: false });
    expect((await graph(emulator, '/me', alice.access_token)).status).toBe(401);
    expect((await refresh(emulator, alice.refresh_token ?? '')).status).toBe(400);
    expect((await control(emulator, 'GET', '/_emulator/faults')).json()).toEqual([]);
  });

  it('does not log control calls', async () => {
    await control(emulator, 'DELETE', '/_emulator/log');
    await control(emulator, 'GET', '/_emulator/users');
    expect((await control(emulator, 'GET', '/_emulator/log')).json()).toEqual([]);
  });
});
