import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../ms-cloud-emulator/server.ts';
import { control, EXTENSION_ORIGIN, graph, redeemCode, refresh, send, signIn, tokensFor, type DriveItemBody, type GraphErrorBody, type TokenBody } from './support/emulator-client.ts';
import { useEmulator } from './support/use-emulator.ts';

const BACKUP = '/me/drive/special/approot:/backup.json:/content';
const BACKUP_ITEM = '/me/drive/special/approot:/backup.json';

let emulator: RunningEmulator;
let alice: TokenBody;

useEmulator('graph', (started) => (emulator = started));

beforeEach(async () => {
  alice = await tokensFor(emulator, 'alice@example.com');
});

function upload(token: string, body: string, headers: Record<string, string> = {}, path = BACKUP) {
  return graph(emulator, path, token, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream', ...headers }, body });
}

function expectGraphError(body: GraphErrorBody, code: string): void {
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  expect(body.error.innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/);
  expect(body.error.innerError['client-request-id']).toBeTruthy();
}

describe('authentication', () => {
  it.each([
    ['no token', undefined, 'Access token is empty.'],
    ['an unknown token', 'EwAnonsense', 'CompactToken parsing failed with error code: 80049217'],
  ])('answers 401 InvalidAuthenticationToken with WWW-Authenticate for %s', async (_label, token, message) => {
    const answer = await send(emulator, '/v1.0/me', { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toMatch(/^Bearer realm="", authorization_uri="https:\/\/localhost:\d+\/common\/oauth2\/authorize", client_id="00000003-0000-0000-c000-000000000000"$/);
    const body = answer.json<GraphErrorBody>();
    expectGraphError(body, 'InvalidAuthenticationToken');
    expect(body.error.message).toBe(message);
  });

  it('rejects an access token expired by the control interface, accepts a refreshed one', async () => {
    expect((await control(emulator, 'POST', '/_emulator/tokens/expire', { user: 'alice@example.com', kind: 'access' })).json()).toEqual({
      expiredAccessTokens: 1,
      expiredRefreshTokens: 0,
    });
    const expired = await graph(emulator, '/me', alice.access_token);
    expect(expired.status).toBe(401);
    expect(expired.json<GraphErrorBody>().error.message).toBe('Access token has expired or is not yet valid.');
    const renewed = (await refresh(emulator, alice.refresh_token ?? '')).json<TokenBody>();
    expect((await graph(emulator, '/me', renewed.access_token)).status).toBe(200);
  });

  it('access tokens expire after 3600 s of emulator time', async () => {
    // 10 s of slack for real time passing on a loaded machine.
    await control(emulator, 'POST', '/_emulator/clock', { advanceSeconds: 3590 });
    expect((await graph(emulator, '/me', alice.access_token)).status).toBe(200);
    await control(emulator, 'POST', '/_emulator/clock', { advanceSeconds: 10 });
    expect((await graph(emulator, '/me', alice.access_token)).status).toBe(401);
  });

  it('refuses drive calls without Files.ReadWrite.AppFolder (403 accessDenied)', async () => {
    const signedIn = await signIn(emulator, 'alice@example.com', { scope: 'User.Read openid offline_access' });
    const token = (await redeemCode(emulator, signedIn, { scope: 'User.Read openid offline_access' })).json<TokenBody>().access_token;
    expect((await graph(emulator, '/me', token)).status).toBe(200);
    const answer = await graph(emulator, '/me/drive/special/approot', token);
    expect(answer.status).toBe(403);
    expectGraphError(answer.json<GraphErrorBody>(), 'accessDenied');
  });

  it('accepts resource-qualified scopes', async () => {
    const scope = 'https://graph.microsoft.com/Files.ReadWrite.AppFolder openid offline_access';
    const token = (await redeemCode(emulator, await signIn(emulator, 'alice@example.com', { scope }), { scope })).json<TokenBody>().access_token;
    expect((await graph(emulator, '/me/drive/special/approot', token)).status).toBe(200);
  });
});

describe('me, drive and the app folder', () => {
  it('GET /me describes the user, with CORS for the extension origin', async () => {
    const answer = await graph(emulator, '/me', alice.access_token, { headers: { 'client-request-id': 'abc-123' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe(EXTENSION_ORIGIN);
    expect(answer.headers['client-request-id']).toBe('abc-123');
    expect(answer.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.json()).toMatchObject({ id: 'a11ce00000000001', displayName: 'Alice Example', userPrincipalName: 'alice@example.com', mail: 'alice@example.com' });
  });

  it('GET /me/drive is a personal drive', async () => {
    expect((await graph(emulator, '/me/drive', alice.access_token)).json()).toMatchObject({ id: 'A11CE00000000001', driveType: 'personal' });
  });

  it('creates the app folder on first use', async () => {
    expect((await control(emulator, 'GET', '/_emulator/files/alice%40example.com')).json()).toMatchObject({ appFolderExists: false, files: [] });
    const answer = await graph(emulator, '/me/drive/special/approot', alice.access_token);
    expect(answer.status).toBe(200);
    const folder = answer.json<DriveItemBody>();
    expect(folder).toMatchObject({ name: 'Hikae Authenticator', specialFolder: { name: 'approot' }, folder: { childCount: 0 } });
    expect((await control(emulator, 'GET', '/_emulator/files/alice%40example.com')).json()).toMatchObject({ appFolderExists: true });
  });

  it('lists the app folder children', async () => {
    await upload(alice.access_token, 'a');
    await upload(alice.access_token, 'bb', {}, '/me/drive/special/approot:/notes.txt:/content');
    const list = (await graph(emulator, '/me/drive/special/approot/children', alice.access_token)).json<{ value: DriveItemBody[] }>();
    expect(list.value.map((i) => [i.name, i.size])).toEqual([
      ['backup.json', 1],
      ['notes.txt', 2],
    ]);
  });

  it('answers 400 for paths it does not know', async () => {
    const answer = await graph(emulator, '/me/drive/root/children', alice.access_token);
    expect(answer.status).toBe(400);
    expectGraphError(answer.json<GraphErrorBody>(), 'BadRequest');
  });
});

describe('upload and download', () => {
  it('creates (201) then replaces (200), with driveItem fields and a comma in the eTag', async () => {
    const content = '{"v":1}';
    const created = await upload(alice.access_token, content);
    expect(created.status).toBe(201);
    const item = created.json<DriveItemBody>();
    expect(item.name).toBe('backup.json');
    expect(item.size).toBe(content.length);
    expect(item.eTag).toMatch(/^"\{[0-9A-F-]{36}\},1"$/);
    expect(item.cTag).toMatch(/^"c:\{[0-9A-F-]{36}\},1"$/);
    expect(item.file.mimeType).toBe('application/json');
    expect(item.file.hashes.sha256Hash).toBe(createHash('sha256').update(content).digest('hex').toUpperCase());
    expect(new Date(item.lastModifiedDateTime).toISOString()).toBe(item.lastModifiedDateTime);
    expect(item['@microsoft.graph.downloadUrl']).toMatch(/^https:\/\/localhost:\d+\/_content\//);

    const replaced = await upload(alice.access_token, '{"v":2}');
    expect(replaced.status).toBe(200);
    const second = replaced.json<DriveItemBody>();
    expect(second.id).toBe(item.id);
    expect(second.eTag).toBe(item.eTag.replace(',1"', ',2"'));
  });

  it.each([
    ['a stale If-Match', 'stale'],
    ['an If-Match on a file that does not exist', 'missing'],
  ])('answers 412 resourceModified for %s', async (_label, situation) => {
    const first = (await upload(alice.access_token, 'one')).json<DriveItemBody>();
    if (situation === 'stale') await upload(alice.access_token, 'two');
    const path = situation === 'missing' ? '/me/drive/special/approot:/other.json:/content' : BACKUP;
    const answer = await upload(alice.access_token, 'three', { 'If-Match': first.eTag }, path);
    expect(answer.status).toBe(412);
    expectGraphError(answer.json<GraphErrorBody>(), 'resourceModified');
  });

  it('accepts the current eTag (or cTag) in If-Match, taken whole despite its comma', async () => {
    const first = (await upload(alice.access_token, 'one')).json<DriveItemBody>();
    expect((await upload(alice.access_token, 'two', { 'If-Match': first.eTag })).status).toBe(200);
    const current = (await graph(emulator, BACKUP_ITEM, alice.access_token)).json<DriveItemBody>();
    expect((await upload(alice.access_token, 'three', { 'If-Match': current.cTag })).status).toBe(200);
    // The halves a comma split would produce must not match.
    const [guidHalf] = current.eTag.split(',');
    expect((await upload(alice.access_token, 'four', { 'If-Match': `${guidHalf ?? ''}` })).status).toBe(412);
  });

  it('If-None-Match: * creates only', async () => {
    expect((await upload(alice.access_token, 'one', { 'If-None-Match': '*' })).status).toBe(201);
    const again = await upload(alice.access_token, 'two', { 'If-None-Match': '*' });
    expect(again.status).toBe(412);
    expectGraphError(again.json<GraphErrorBody>(), 'resourceModified');
  });

  it('conflictBehavior=fail answers 409 nameAlreadyExists; rename keeps both', async () => {
    const failPath = `${BACKUP}?@microsoft.graph.conflictBehavior=fail`;
    expect((await upload(alice.access_token, 'one', {}, failPath)).status).toBe(201);
    const conflict = await upload(alice.access_token, 'two', {}, failPath);
    expect(conflict.status).toBe(409);
    expectGraphError(conflict.json<GraphErrorBody>(), 'nameAlreadyExists');
    const renamed = await upload(alice.access_token, 'three', {}, `${BACKUP}?@microsoft.graph.conflictBehavior=rename`);
    expect(renamed.status).toBe(201);
    expect(renamed.json<DriveItemBody>().name).toBe('backup 1.json');
  });

  it.each([BACKUP_ITEM, `${BACKUP_ITEM}:`, BACKUP])('answers 404 itemNotFound for a missing file at %s', async (path) => {
    const answer = await graph(emulator, path, alice.access_token);
    expect(answer.status).toBe(404);
    expectGraphError(answer.json<GraphErrorBody>(), 'itemNotFound');
  });

  it('reads metadata in both path forms; names are case-insensitive', async () => {
    const item = (await upload(alice.access_token, 'hello')).json<DriveItemBody>();
    for (const path of [BACKUP_ITEM, `${BACKUP_ITEM}:`, '/me/drive/special/approot:/BACKUP.JSON']) {
      const answer = await graph(emulator, path, alice.access_token);
      expect(answer.status).toBe(200);
      expect(answer.json<DriveItemBody>()).toMatchObject({ id: item.id, name: 'backup.json', eTag: item.eTag });
    }
  });

  it('GET content redirects (302) to a short-lived URL that needs no token', async () => {
    const content = 'encrypted backup bytes';
    await upload(alice.access_token, content);
    const answer = await graph(emulator, BACKUP, alice.access_token);
    expect(answer.status).toBe(302);
    const location = answer.location();
    expect(location.origin).toBe(emulator.url);
    const download = await send(emulator, location.toString());
    expect(download.status).toBe(200);
    expect(download.text).toBe(content);
    expect(download.headers['access-control-allow-origin']).toBe('*');
    await control(emulator, 'POST', '/_emulator/clock', { advanceSeconds: 301 });
    expect((await send(emulator, location.toString())).status).toBe(401);
  });

  it('refuses uploads over 4 MiB (413)', async () => {
    const answer = await upload(alice.access_token, 'x'.repeat(4 * 1024 * 1024 + 1));
    expect(answer.status).toBe(413);
    expectGraphError(answer.json<GraphErrorBody>(), 'requestTooLarge');
  });

  it.each(['a%2Fb.json', 'a%3Fb.json', '%20lead.json'])('refuses the invalid name %s', async (name) => {
    const answer = await upload(alice.access_token, 'x', {}, `/me/drive/special/approot:/${name}:/content`);
    expect(answer.status).toBe(400);
    expectGraphError(answer.json<GraphErrorBody>(), 'invalidRequest');
  });

  it('PUT on the item path without :/content is refused (405)', async () => {
    expect((await upload(alice.access_token, 'x', {}, BACKUP_ITEM)).status).toBe(405);
  });
});

describe('delete, items by id, and per-user drives', () => {
  it('DELETE answers 204, then 404; a stale If-Match is 412', async () => {
    const first = (await upload(alice.access_token, 'one')).json<DriveItemBody>();
    await upload(alice.access_token, 'two');
    expect((await graph(emulator, BACKUP_ITEM, alice.access_token, { method: 'DELETE', headers: { 'If-Match': first.eTag } })).status).toBe(412);
    expect((await graph(emulator, BACKUP_ITEM, alice.access_token, { method: 'DELETE' })).status).toBe(204);
    expect((await graph(emulator, BACKUP_ITEM, alice.access_token, { method: 'DELETE' })).status).toBe(404);
    const recreated = (await upload(alice.access_token, 'three')).json<DriveItemBody>();
    expect(recreated.eTag).toMatch(/,1"$/);
    expect(recreated.eTag).not.toBe(first.eTag);
  });

  it('serves items by id', async () => {
    const item = (await upload(alice.access_token, 'data')).json<DriveItemBody>();
    const byId = `/me/drive/items/${encodeURIComponent(item.id)}`;
    expect((await graph(emulator, byId, alice.access_token)).json<DriveItemBody>().eTag).toBe(item.eTag);
    expect((await graph(emulator, `${byId}/content`, alice.access_token)).status).toBe(302);
    expect((await graph(emulator, byId, alice.access_token, { method: 'DELETE' })).status).toBe(204);
    expect((await graph(emulator, byId, alice.access_token)).status).toBe(404);
  });

  it('keeps each user in their own drive', async () => {
    await upload(alice.access_token, 'alice data');
    const bob = await tokensFor(emulator, 'bob@example.com');
    expect((await graph(emulator, BACKUP_ITEM, bob.access_token)).status).toBe(404);
    expect((await upload(bob.access_token, 'bob data')).status).toBe(201);
    expect((await control(emulator, 'GET', '/_emulator/files/alice%40example.com/backup.json')).text).toBe('alice data');
  });
});

describe('another device, through the control interface', () => {
  it('replacing the file changes the eTag as an upload would, so a stale If-Match fails', async () => {
    const mine = (await upload(alice.access_token, 'from this device')).json<DriveItemBody>();
    const theirs = await send(emulator, '/_emulator/files/alice%40example.com/backup.json', { method: 'PUT', body: 'from another device' });
    expect(theirs.status).toBe(200);
    const theirItem = theirs.json<DriveItemBody>();
    expect(theirItem.eTag).toBe(mine.eTag.replace(',1"', ',2"'));
    expect((await upload(alice.access_token, 'overwrite?', { 'If-Match': mine.eTag })).status).toBe(412);
    const read = await control(emulator, 'GET', '/_emulator/files/alice%40example.com/backup.json');
    expect(read.text).toBe('from another device');
    expect(read.headers.etag).toBe(theirItem.eTag);
    expect((await control(emulator, 'GET', '/_emulator/files/alice%40example.com/backup.json?view=metadata')).json<DriveItemBody>().size).toBe(19);
  });

  it('deleting the file or the whole app folder is seen by Graph', async () => {
    await upload(alice.access_token, 'x');
    expect((await control(emulator, 'DELETE', '/_emulator/files/alice%40example.com/backup.json')).status).toBe(204);
    expect((await graph(emulator, BACKUP_ITEM, alice.access_token)).status).toBe(404);
    expect((await control(emulator, 'DELETE', '/_emulator/files/alice%40example.com/backup.json')).status).toBe(404);
    const folderBefore = (await graph(emulator, '/me/drive/special/approot', alice.access_token)).json<DriveItemBody>();
    expect((await control(emulator, 'DELETE', '/_emulator/files/alice%40example.com')).status).toBe(204);
    const folderAfter = (await graph(emulator, '/me/drive/special/approot', alice.access_token)).json<DriveItemBody>();
    expect(folderAfter.id).not.toBe(folderBefore.id);
  });

  it('answers 404 for an unknown user', async () => {
    const answer = await control(emulator, 'GET', '/_emulator/files/mallory%40example.com');
    expect(answer.status).toBe(404);
    expect(answer.json<{ error: string }>().error).toContain('mallory@example.com');
  });
});

describe('CORS on Graph', () => {
  it('answers the preflight of a conditional PUT', async () => {
    const answer = await send(emulator, `/v1.0${BACKUP}`, {
      method: 'OPTIONS',
      headers: { Origin: EXTENSION_ORIGIN, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization,if-match,content-type' },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe(EXTENSION_ORIGIN);
    expect(answer.headers['access-control-allow-headers']).toBe('authorization,if-match,content-type');
    expect(answer.headers['access-control-allow-methods']).toContain('PUT');
  });
});
