import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGraphClient, GraphClientConfigError, GraphConflictError, GraphError, GraphFileChangedDuringDownloadError, GraphFileTooLargeError, MAX_BACKUP_BYTES, GraphForbiddenError, GraphNetworkError, GraphNotFoundError, GraphPreconditionFailedError, GraphRequestRejectedError, GraphResponseError, GraphServerError, GraphThrottledError, GraphUnauthorizedError, type GraphClient, type GraphClientOptions } from '../../../lib/graph';
import { control, redeemCode, signIn, tokensFor, type TokenBody } from '../../emulator/support/emulator-client.ts';
import { ALICE, addFault, deleteAppFolder, deleteAsOtherDevice, emulatorTokenSource, graphRequests, startGraphEmulator, storedFile, summarize, writeAsOtherDevice, type GraphEmulator, type RecordingTokenSource } from './emulator-fixture';

const FILE = 'hikae-backup.json';
// Non-ASCII on purpose: the text must come back byte for byte (UTF-8 both ways).
const FIRST = '{"format":"hikae-backup","version":1,"note":"控え 🔐"}';
const SECOND = '{"format":"hikae-backup","version":1,"note":"second"}';
const OTHER_DEVICE = '{"format":"hikae-backup","version":1,"note":"from the other device"}';

let cloud: GraphEmulator;
let tokens: TokenBody;
let tokenSource: RecordingTokenSource;

beforeAll(async () => {
  cloud = await startGraphEmulator();
});

afterAll(async () => {
  await cloud.close();
});

beforeEach(async () => {
  await control(cloud.emulator, 'POST', '/_emulator/reset');
  tokens = await tokensFor(cloud.emulator, ALICE);
  tokenSource = emulatorTokenSource(cloud.emulator, tokens);
  await control(cloud.emulator, 'DELETE', '/_emulator/log');
});

function client(overrides: Partial<GraphClientOptions> = {}): GraphClient {
  return createGraphClient({ baseUrl: cloud.baseUrl, fetch: cloud.fetch, getAccessToken: tokenSource.source, fileName: FILE, ...overrides });
}

/** Awaits a rejection and returns the error, typed. */
async function rejection<T extends Error>(promise: Promise<unknown>, errorClass: new (...args: never[]) => T): Promise<T> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(errorClass);
  return error as T;
}

async function requestLines(): Promise<string[]> {
  return summarize(await graphRequests(cloud.emulator), FILE);
}

describe('create, replace and conditions', () => {
  it('finds no file, then creates it with If-None-Match: * (201)', async () => {
    const graph = client();
    expect(await graph.getMetadata()).toBeNull();
    const created = await graph.upload(FIRST, { ifNoneMatch: '*' });
    const stored = await storedFile(cloud.emulator, FILE);
    expect(stored?.text).toBe(FIRST);
    expect(created).toEqual({
      eTag: stored?.item.eTag,
      size: new TextEncoder().encode(FIRST).length,
      lastModified: stored?.item.lastModifiedDateTime,
      id: stored?.item.id,
    });
    expect(created.eTag).toMatch(/^"\{[0-9A-F-]{36}\},1"$/);
    const requests = await graphRequests(cloud.emulator);
    expect(summarize(requests, FILE)).toEqual([
      'GET /v1.0/me/drive/special/approot:/FILE 404',
      'PUT /v1.0/me/drive/special/approot:/FILE:/content?@microsoft.graph.conflictBehavior=fail 201',
    ]);
    expect(requests[1]?.headers).toMatchObject({ 'if-none-match': '*', 'content-type': 'application/json' });
    expect(requests[1]?.headers['if-match']).toBeUndefined();
  });

  it('replaces the file with a matching If-Match (200), sent whole with its comma, and returns the new eTag', async () => {
    const graph = client();
    const first = await graph.upload(FIRST, { ifNoneMatch: '*' });
    const second = await graph.upload(SECOND, { ifMatch: first.eTag });
    expect(first.eTag).toContain(',');
    expect(second.eTag).not.toBe(first.eTag);
    expect(second.id).toBe(first.id);
    expect(await graph.getMetadata()).toEqual(second);
    expect((await storedFile(cloud.emulator, FILE))?.text).toBe(SECOND);
    const requests = await graphRequests(cloud.emulator);
    expect(requests.map((r) => r.status)).toEqual([201, 200, 200]);
    expect(requests[1]?.headers['if-match']).toBe(first.eTag);
  });

  it('refuses a stale If-Match after another device uploaded: GraphPreconditionFailedError, cloud copy untouched', async () => {
    const graph = client();
    const mine = await graph.upload(FIRST, { ifNoneMatch: '*' });
    await writeAsOtherDevice(cloud.emulator, FILE, OTHER_DEVICE);
    const error = await rejection(graph.upload(SECOND, { ifMatch: mine.eTag }), GraphPreconditionFailedError);
    expect(error).toMatchObject({ status: 412, code: 'resourceModified' });
    expect(error.message).toMatch(/^Uploading hikae-backup\.json to OneDrive failed: .*another device.*\(HTTP 412 resourceModified\)/);
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await storedFile(cloud.emulator, FILE))?.text).toBe(OTHER_DEVICE);
  });

  it('a first upload also sends conflictBehavior=fail: a server that ignored If-None-Match still refuses to replace (409 → GraphPreconditionFailedError)', async () => {
    await writeAsOtherDevice(cloud.emulator, FILE, OTHER_DEVICE);
    // A OneDrive that ignores If-None-Match (it documents If-Match for uploads).
    const ignoresIfNoneMatch: typeof fetch = async (input, init) => {
      const headers = new Headers(init?.headers);
      headers.delete('if-none-match');
      return cloud.fetch(input, { ...init, headers });
    };
    const error = await rejection(client({ fetch: ignoresIfNoneMatch }).upload(FIRST, { ifNoneMatch: '*' }), GraphPreconditionFailedError);
    expect(error).toMatchObject({ status: 409, code: 'nameAlreadyExists' });
    expect(error.message).toMatch(/already exists .*download and merge first/);
    expect((await storedFile(cloud.emulator, FILE))?.text).toBe(OTHER_DEVICE);
    const put = (await graphRequests(cloud.emulator)).find((r) => r.method === 'PUT');
    expect(put?.path).toMatch(/:\/content\?@microsoft\.graph\.conflictBehavior=fail$/);
  });

  it('an If-Match upload sends no conflictBehavior (replacing that version is the point)', async () => {
    const graph = client();
    const first = await graph.upload(FIRST, { ifNoneMatch: '*' });
    await graph.upload(SECOND, { ifMatch: first.eTag });
    const puts = (await graphRequests(cloud.emulator)).filter((r) => r.method === 'PUT').map((r) => r.path);
    expect(puts[0]).toContain('conflictBehavior=fail');
    expect(puts[1]).not.toContain('conflictBehavior');
  });

  it('refuses If-None-Match: * when the file exists: GraphPreconditionFailedError', async () => {
    await writeAsOtherDevice(cloud.emulator, FILE, OTHER_DEVICE);
    const error = await rejection(client().upload(FIRST, { ifNoneMatch: '*' }), GraphPreconditionFailedError);
    expect(error).toMatchObject({ status: 412, code: 'resourceModified' });
    expect((await storedFile(cloud.emulator, FILE))?.text).toBe(OTHER_DEVICE);
  });

  it('reports an If-Match upload of a file deleted meanwhile as GraphNotFoundError (the 412 as cause)', async () => {
    const graph = client();
    const mine = await graph.upload(FIRST, { ifNoneMatch: '*' });
    await deleteAsOtherDevice(cloud.emulator, FILE);
    expect(await graph.getMetadata()).toBeNull();
    const error = await rejection(graph.upload(SECOND, { ifMatch: mine.eTag }), GraphNotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'itemNotFound' });
    expect(error.cause).toBeInstanceOf(GraphPreconditionFailedError);
    expect(await storedFile(cloud.emulator, FILE)).toBeNull();
    // Creating it again is the way forward.
    await expect(graph.upload(SECOND, { ifNoneMatch: '*' })).resolves.toMatchObject({ size: SECOND.length });
  });

  it('works again after the user deleted the whole app folder', async () => {
    const graph = client();
    await graph.upload(FIRST, { ifNoneMatch: '*' });
    await deleteAppFolder(cloud.emulator);
    expect(await graph.getMetadata()).toBeNull();
    await graph.upload(SECOND, { ifNoneMatch: '*' });
    expect((await storedFile(cloud.emulator, FILE))?.text).toBe(SECOND);
  });

  it('refuses an empty If-Match before sending anything (it would overwrite unconditionally)', async () => {
    await expect(client().upload(FIRST, { ifMatch: '' })).rejects.toThrow(TypeError);
    expect(await graphRequests(cloud.emulator)).toEqual([]);
  });

  it('passes a simple-upload size limit refusal on as GraphRequestRejectedError (413 requestTooLarge)', async () => {
    const error = await rejection(client().upload('x'.repeat(4 * 1024 * 1024 + 1), { ifNoneMatch: '*' }), GraphRequestRejectedError);
    expect(error).toMatchObject({ status: 413, code: 'requestTooLarge' });
  });
});

describe('the size cap: a huge file is never downloaded', () => {
  it.each([
    { label: 'exactly the cap', bytes: MAX_BACKUP_BYTES, refused: false },
    { label: 'one byte over the cap', bytes: MAX_BACKUP_BYTES + 1, refused: true },
    { label: '12 MiB', bytes: 12 * 1024 * 1024, refused: true },
  ])('$label → refused $refused, decided from the metadata', async ({ bytes, refused }) => {
    await writeAsOtherDevice(cloud.emulator, FILE, 'x'.repeat(bytes));
    await control(cloud.emulator, 'DELETE', '/_emulator/log');
    const download = client().download();
    if (refused) {
      const error = await rejection(download, GraphFileTooLargeError);
      expect(error.message).toContain(`is ${bytes} bytes, more than a Hikae backup can be`);
      // Only the metadata was read: the content was never requested.
      expect(await requestLines()).toEqual(['GET /v1.0/me/drive/special/approot:/FILE 200']);
    } else {
      expect((await download).text).toHaveLength(bytes);
    }
  });
});

describe('download', () => {
  it('returns the exact text with the eTag of that version', async () => {
    const graph = client();
    const created = await graph.upload(FIRST, { ifNoneMatch: '*' });
    await control(cloud.emulator, 'DELETE', '/_emulator/log');
    expect(await graph.download()).toEqual({ file: created, text: FIRST });
    // Metadata, then :/content, whose 302 fetch followed to the pre-authenticated URL.
    expect(await requestLines()).toEqual([
      'GET /v1.0/me/drive/special/approot:/FILE 200',
      'GET /v1.0/me/drive/special/approot:/FILE:/content 302',
      'GET /_content/… 200',
    ]);
  });

  it('reads what another device wrote', async () => {
    const item = await writeAsOtherDevice(cloud.emulator, FILE, OTHER_DEVICE);
    const { file, text } = await client().download();
    expect(text).toBe(OTHER_DEVICE);
    expect(file.eTag).toBe(item.eTag);
  });

  it('is GraphNotFoundError when there is no file', async () => {
    const error = await rejection(client().download(), GraphNotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'itemNotFound' });
    expect(error.message).toContain(FILE);
  });

  it('is GraphNotFoundError when the file is deleted between metadata and content', async () => {
    await writeAsOtherDevice(cloud.emulator, FILE, OTHER_DEVICE);
    const graph = client({ fetch: runAfter(isMetadataRead, () => deleteAsOtherDevice(cloud.emulator, FILE)) });
    await rejection(graph.download(), GraphNotFoundError);
  });
});

/** A predicate on the requests the client makes. */
type RequestMatch = (url: string, init: RequestInit | undefined) => boolean;

const isMetadataRead: RequestMatch = (url, init) => (init?.method ?? 'GET') === 'GET' && url.endsWith(`approot:/${FILE}`);
const isContentRead: RequestMatch = (url, init) => (init?.method ?? 'GET') === 'GET' && url.endsWith(':/content');

/**
 * The emulator fetch, running `effect` after every answer to a matching request has been read in
 * full, before the client sees it: "another device" acts exactly between two of the client's requests.
 */
function runAfter(match: RequestMatch, effect: (url: string, init: RequestInit | undefined) => Promise<unknown>): typeof fetch {
  return async (input, init) => {
    const response = await cloud.fetch(input, init);
    if (typeof input === 'string' && match(input, init)) {
      const body = await response.text();
      await effect(input, init);
      return new Response(body, { status: response.status, headers: response.headers });
    }
    return response;
  };
}

/** The emulator fetch with the `ETag` header removed from download answers (as a CDN might). */
function withoutDownloadETag(inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    if (typeof input !== 'string' || !isContentRead(input, init)) return response;
    const headers = new Headers(response.headers);
    headers.delete('etag');
    return new Response(await response.text(), { status: response.status, headers });
  };
}

describe('download while another device uploads', () => {
  let version = 0;
  const otherDeviceUploads = async () => {
    version += 1;
    await writeAsOtherDevice(cloud.emulator, FILE, `{"version":${version}}`);
  };
  const current = async () => {
    const stored = await storedFile(cloud.emulator, FILE);
    if (!stored) throw new Error('file vanished');
    return stored;
  };

  beforeEach(async () => {
    version = 0;
    await otherDeviceUploads(); // version 1 is there before the download starts
  });

  it('a change between metadata and content: returns the new content with the new eTag', async () => {
    let changes = 0;
    const fetchFn = runAfter(isMetadataRead, async () => {
      if (changes++ === 0) await otherDeviceUploads();
    });
    const result = await client({ fetch: fetchFn }).download();
    const stored = await current();
    expect(result.text).toBe('{"version":2}');
    expect(result).toEqual({ text: stored.text, file: expect.objectContaining({ eTag: stored.item.eTag, size: stored.item.size }) });
  });

  it('two changes during the first attempt: retries once and returns a matching pair', async () => {
    let metadataReads = 0;
    let contentReads = 0;
    // metadata v1 → (v2) → content v2 → (v3) → metadata v3: no pair matches, so it starts over from v3.
    const fetchFn = runAfter(
      (url, init) => isMetadataRead(url, init) || isContentRead(url, init),
      async (url, init) => {
        const first = isMetadataRead(url, init) ? metadataReads++ === 0 : contentReads++ === 0;
        if (first) await otherDeviceUploads();
      },
    );
    const result = await client({ fetch: fetchFn }).download();
    const stored = await current();
    expect(stored.text).toBe('{"version":3}');
    expect(result).toEqual({ text: stored.text, file: expect.objectContaining({ eTag: stored.item.eTag }) });
    // The retry starts from the metadata already read (v3), whose eTag the second download carries.
    expect([metadataReads, contentReads]).toEqual([2, 2]);
  });

  it('a file that keeps changing: GraphFileChangedDuringDownloadError after one retry', async () => {
    const fetchFn = runAfter((url, init) => isMetadataRead(url, init) || isContentRead(url, init), otherDeviceUploads);
    const error = await rejection(client({ fetch: fetchFn }).download(), GraphFileChangedDuringDownloadError);
    expect(error.code).toBe('fileChangedDuringDownload');
    expect(error.message).not.toContain('version');
    const contentReads = (await graphRequests(cloud.emulator)).filter((r) => r.path.endsWith(':/content'));
    expect(contentReads).toHaveLength(2);
  });

  it('without an ETag on the download answer: confirms the version by reading the metadata again', async () => {
    const result = await client({ fetch: withoutDownloadETag(cloud.fetch) }).download();
    const stored = await current();
    expect(result).toEqual({ text: '{"version":1}', file: expect.objectContaining({ eTag: stored.item.eTag }) });
    expect(await requestLines()).toEqual([
      'GET /v1.0/me/drive/special/approot:/FILE 200',
      'GET /v1.0/me/drive/special/approot:/FILE:/content 302',
      'GET /_content/… 200',
      'GET /v1.0/me/drive/special/approot:/FILE 200',
    ]);
  });

  it('without an ETag and a change in between: starts over and returns a matching pair', async () => {
    let changes = 0;
    const fetchFn = withoutDownloadETag(
      runAfter(isMetadataRead, async () => {
        if (changes++ === 0) await otherDeviceUploads();
      }),
    );
    const result = await client({ fetch: fetchFn }).download();
    const stored = await current();
    expect(result).toEqual({ text: '{"version":2}', file: expect.objectContaining({ eTag: stored.item.eTag }) });
  });
});

describe('remove', () => {
  it('deletes the file; deleting it again succeeds (already gone)', async () => {
    const graph = client();
    const mine = await graph.upload(FIRST, { ifNoneMatch: '*' });
    await graph.remove({ ifMatch: mine.eTag });
    expect(await storedFile(cloud.emulator, FILE)).toBeNull();
    await graph.remove();
    expect((await graphRequests(cloud.emulator)).map((r) => `${r.method} ${r.status}`)).toEqual(['PUT 201', 'DELETE 204', 'DELETE 404']);
  });

  it('does not delete a version it has not seen: GraphPreconditionFailedError', async () => {
    const graph = client();
    const mine = await graph.upload(FIRST, { ifNoneMatch: '*' });
    await writeAsOtherDevice(cloud.emulator, FILE, OTHER_DEVICE);
    await rejection(graph.remove({ ifMatch: mine.eTag }), GraphPreconditionFailedError);
    expect((await storedFile(cloud.emulator, FILE))?.text).toBe(OTHER_DEVICE);
  });
});

describe('me', () => {
  it('describes the signed-in account', async () => {
    expect(await client().me()).toEqual({ id: 'a11ce00000000001', displayName: 'Alice Example', userPrincipalName: ALICE });
  });
});

describe('tokens', () => {
  it('on an expired access token: forces one refresh, repeats the request once, succeeds', async () => {
    await control(cloud.emulator, 'POST', '/_emulator/tokens/expire', { user: ALICE, kind: 'access' });
    expect(await client().upload(FIRST, { ifNoneMatch: '*' })).toMatchObject({ size: new TextEncoder().encode(FIRST).length });
    expect(tokenSource.calls).toEqual([{ forceRefresh: false }, { forceRefresh: true }]);
    expect(await requestLines()).toEqual([
      'PUT /v1.0/me/drive/special/approot:/FILE:/content?@microsoft.graph.conflictBehavior=fail 401',
      'PUT /v1.0/me/drive/special/approot:/FILE:/content?@microsoft.graph.conflictBehavior=fail 201',
    ]);
  });

  it('a second 401 after the refresh is GraphUnauthorizedError (one retry, no loop)', async () => {
    const calls: boolean[] = [];
    const graph = client({
      getAccessToken: async ({ forceRefresh }) => {
        calls.push(forceRefresh);
        return 'EwAnotAValidToken';
      },
    });
    const error = await rejection(graph.getMetadata(), GraphUnauthorizedError);
    expect(error).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
    expect(error.message).not.toContain('EwAnotAValidToken');
    expect(calls).toEqual([false, true]);
    expect(await requestLines()).toEqual(['GET /v1.0/me/drive/special/approot:/FILE 401', 'GET /v1.0/me/drive/special/approot:/FILE 401']);
  });

  it.each([
    ['the first call', false],
    ['the forced refresh', true],
  ])('an error thrown by the token source on %s passes through untouched', async (_label, failOnRefresh) => {
    if (failOnRefresh) await control(cloud.emulator, 'POST', '/_emulator/tokens/expire', { user: ALICE, kind: 'access' });
    class InteractionRequired extends Error {}
    const thrown = new InteractionRequired('sign in again');
    const graph = client({
      getAccessToken: async ({ forceRefresh }) => {
        if (forceRefresh === failOnRefresh) throw thrown;
        return tokens.access_token;
      },
    });
    await expect(graph.download()).rejects.toBe(thrown);
  });

  it('refuses a token that cannot be a bearer token without sending it or quoting it', async () => {
    const bad = `${tokens.access_token}\r\nX-Injected: 1`;
    const error = await rejection(client({ getAccessToken: async () => bad }).me(), GraphUnauthorizedError);
    expect(error.code).toBe('invalidAccessToken');
    expect(error.message).not.toContain(tokens.access_token);
    expect(await graphRequests(cloud.emulator)).toEqual([]);
  });

  it('403 for a token without Files.ReadWrite.AppFolder: GraphForbiddenError that names the likely reason', async () => {
    const scope = 'User.Read openid offline_access';
    const narrow = (await redeemCode(cloud.emulator, await signIn(cloud.emulator, ALICE, { scope }), { scope })).json<TokenBody>();
    const graph = client({ getAccessToken: async () => narrow.access_token });
    expect((await graph.me()).userPrincipalName).toBe(ALICE);
    const error = await rejection(graph.upload(FIRST, { ifNoneMatch: '*' }), GraphForbiddenError);
    expect(error).toMatchObject({ status: 403, code: 'accessDenied' });
    expect(error.message).toMatch(/work or school account.*personal Microsoft account/i);
  });
});

describe('faults', () => {
  it.each([
    [429, GraphThrottledError, 'activityLimitReached'],
    [503, GraphThrottledError, 'serviceNotAvailable'],
  ])('%i with Retry-After is GraphThrottledError with retryAfterSeconds', async (status, errorClass, code) => {
    await addFault(cloud.emulator, { method: 'PUT', pathIncludes: 'approot', status, retryAfterSeconds: 7 });
    const error = await rejection(client().upload(FIRST, { ifNoneMatch: '*' }), errorClass);
    expect(error).toMatchObject({ status, code, retryAfterSeconds: 7 });
    expect(error.message).toContain('retry after 7 s');
    // The fault was used up: the same call now works.
    await expect(client().upload(FIRST, { ifNoneMatch: '*' })).resolves.toMatchObject({ size: new TextEncoder().encode(FIRST).length });
  });

  it.each([
    [500, 'GraphServerError', GraphServerError, 'generalException'],
    [502, 'GraphServerError', GraphServerError, 'emulatedFault'],
    [409, 'GraphConflictError', GraphConflictError, 'emulatedFault'],
    [400, 'GraphRequestRejectedError', GraphRequestRejectedError, 'emulatedFault'],
  ])('%i is %s', async (status, _name, errorClass, code) => {
    await addFault(cloud.emulator, { method: 'GET', pathIncludes: 'approot', status });
    const error = await rejection(client().getMetadata(), errorClass);
    expect(error).toMatchObject({ status, code, retryAfterSeconds: undefined });
  });

  it('a fault on the download URL itself maps like any other answer', async () => {
    await writeAsOtherDevice(cloud.emulator, FILE, OTHER_DEVICE);
    await addFault(cloud.emulator, { method: 'GET', pathIncludes: '/_content/', status: 503, retryAfterSeconds: 2 });
    const error = await rejection(client().download(), GraphThrottledError);
    expect(error.retryAfterSeconds).toBe(2);
  });

  it('a dropped connection is GraphNetworkError (networkError)', async () => {
    await addFault(cloud.emulator, { method: 'GET', pathIncludes: '/me', kind: 'network' });
    const error = await rejection(client().me(), GraphNetworkError);
    expect(error).toMatchObject({ status: 0, code: 'networkError' });
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('no server at all (connection refused) is GraphNetworkError', async () => {
    const port = await closedPort();
    const error = await rejection(client({ baseUrl: `https://127.0.0.1:${port}/v1.0` }).getMetadata(), GraphNetworkError);
    expect(error.code).toBe('networkError');
  });

  it('no answer within timeoutMs is GraphNetworkError (timeout)', async () => {
    await addFault(cloud.emulator, { method: 'GET', pathIncludes: 'approot', kind: 'hang' });
    const started = performance.now();
    const error = await rejection(client({ timeoutMs: 200 }).getMetadata(), GraphNetworkError);
    expect(error).toMatchObject({ status: 0, code: 'timeout' });
    expect(error.message).toContain('200 ms');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('no error message carries the token or the file contents', async () => {
    const graph = client();
    const mine = await graph.upload(FIRST, { ifNoneMatch: '*' });
    await writeAsOtherDevice(cloud.emulator, FILE, OTHER_DEVICE);
    await addFault(cloud.emulator, { method: 'GET', pathIncludes: '/_content/', status: 500 });
    const errors = await Promise.all([
      rejection(graph.upload(SECOND, { ifMatch: mine.eTag }), GraphError),
      rejection(graph.download(), GraphError),
    ]);
    for (const error of errors) {
      for (const secret of [tokens.access_token, FIRST, SECOND, OTHER_DEVICE, '/_content/']) expect(error.message).not.toContain(secret);
    }
  });
});

/** The emulator fetch with the body of matching answers replaced (a broken proxy, a captive portal). */
function replacingBody(match: RequestMatch, replace: (text: string) => string): typeof fetch {
  return async (input, init) => {
    const response = await cloud.fetch(input, init);
    if (typeof input !== 'string' || !match(input, init)) return response;
    return new Response(replace(await response.text()), { status: response.status, headers: response.headers });
  };
}

describe('unexpected answers', () => {
  const isMeRead: RequestMatch = (url) => url.endsWith('/v1.0/me');

  it.each([
    ['an HTML page (captive portal)', () => '<html><body>Please log in to the Wi-Fi</body></html>', /not JSON/],
    ['JSON without eTag and size', (text: string) => JSON.stringify({ ...JSON.parse(text), eTag: undefined, size: 'big' }), /wrong or missing: eTag, size/],
    ['a folder with that name', (text: string) => JSON.stringify({ ...JSON.parse(text), folder: { childCount: 0 } }), /is a folder, not a file/],
  ])('metadata as %s is GraphResponseError', async (_label, replace, problem) => {
    await writeAsOtherDevice(cloud.emulator, FILE, OTHER_DEVICE);
    const error = await rejection(client({ fetch: replacingBody(isMetadataRead, replace) }).getMetadata(), GraphResponseError);
    expect(error.status).toBe(200);
    expect(error.message).toMatch(problem);
    expect(error.message).not.toContain('Wi-Fi');
  });

  it('a success answer to an upload that cannot be read is GraphResponseError (the file was written)', async () => {
    const isUpload: RequestMatch = (_url, init) => init?.method === 'PUT';
    const error = await rejection(client({ fetch: replacingBody(isUpload, () => '') }).upload(FIRST, { ifNoneMatch: '*' }), GraphResponseError);
    expect(error).toMatchObject({ status: 201, code: 'malformedResponse' });
    expect((await storedFile(cloud.emulator, FILE))?.text).toBe(FIRST);
  });

  it('a null displayName becomes an empty string; a missing userPrincipalName is an error', async () => {
    const withoutName = client({ fetch: replacingBody(isMeRead, (text) => JSON.stringify({ ...JSON.parse(text), displayName: null })) });
    expect(await withoutName.me()).toEqual({ id: 'a11ce00000000001', displayName: '', userPrincipalName: ALICE });
    const withoutUpn = client({ fetch: replacingBody(isMeRead, (text) => JSON.stringify({ ...JSON.parse(text), userPrincipalName: undefined })) });
    expect((await rejection(withoutUpn.me(), GraphResponseError)).message).toContain('userPrincipalName');
  });
});

describe('configuration', () => {
  it.each([
    ['baseUrl', { baseUrl: 'http://graph.example/v1.0' }],
    ['baseUrl', { baseUrl: 'graph.microsoft.com/v1.0' }],
    ['fileName', { fileName: '' }],
    ['fileName', { fileName: 'sub/backup.json' }],
    ['fileName', { fileName: ' backup.json' }],
    ['fileName', { fileName: 'back:up.json' }],
    ['timeoutMs', { timeoutMs: 0 }],
  ])('refuses a bad %s: %j', (option, overrides) => {
    expect(() => client(overrides)).toThrow(expect.objectContaining({ name: 'GraphClientConfigError', option }));
    expect(() => client(overrides)).toThrow(GraphClientConfigError);
  });

  it('accepts a base URL with a trailing slash and a name that needs percent-encoding', async () => {
    const graph = client({ baseUrl: `${cloud.baseUrl}/`, fileName: 'hikae backup #1.json' });
    await graph.upload(FIRST, { ifNoneMatch: '*' });
    expect((await storedFile(cloud.emulator, 'hikae backup #1.json'))?.text).toBe(FIRST);
    expect((await graphRequests(cloud.emulator))[0]?.path).toBe('/v1.0/me/drive/special/approot:/hikae%20backup%20%231.json:/content?@microsoft.graph.conflictBehavior=fail');
  });
});

/** A local port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
