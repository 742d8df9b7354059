import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoredFileDamagedError } from '../../ms-cloud-emulator/core/atomic-file.ts';
import { startEmulator, type RunningEmulator } from '../../ms-cloud-emulator/server.ts';
import {
  authorizePath,
  graph,
  pkcePair,
  redeemCode,
  refresh,
  replyParams,
  send,
  signIn,
  type DriveItemBody,
  type TokenBody,
} from './support/emulator-client.ts';

const BACKUP = '/me/drive/special/approot:/backup.json';

let dataDir: string;
const running: RunningEmulator[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'ms-emulator-persist-'));
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<RunningEmulator> {
  const emulator = await startEmulator({ port: 0, dataDir });
  running.push(emulator);
  return emulator;
}

async function stop(emulator: RunningEmulator): Promise<void> {
  running.splice(running.indexOf(emulator), 1);
  await emulator.close();
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('data surviving an emulator restart', () => {
  it('keeps refresh tokens, sessions, files and eTags; drops access tokens', async () => {
    const first = await start();
    const signedIn = await signIn(first, 'alice@example.com');
    const tokens = (await redeemCode(first, signedIn)).json<TokenBody>();
    const uploaded = (await graph(first, `${BACKUP}:/content`, tokens.access_token, { method: 'PUT', body: 'backup v1' })).json<DriveItemBody>();
    await stop(first);

    const second = await start();
    expect((await graph(second, '/me', tokens.access_token)).status).toBe(401);
    const refreshed = await refresh(second, tokens.refresh_token ?? '');
    expect(refreshed.status).toBe(200);
    const accessToken = refreshed.json<TokenBody>().access_token;
    const item = (await graph(second, BACKUP, accessToken)).json<DriveItemBody>();
    expect(item).toMatchObject({ id: uploaded.id, eTag: uploaded.eTag, cTag: uploaded.cTag, size: uploaded.size });
    const download = await send(second, (await graph(second, `${BACKUP}:/content`, accessToken)).location().toString());
    expect(download.text).toBe('backup v1');
    expect((await graph(second, `${BACKUP}:/content`, accessToken, { method: 'PUT', headers: { 'If-Match': uploaded.eTag }, body: 'v2' })).status).toBe(200);

    const silent = await send(second, authorizePath({ prompt: 'none', loginHint: 'alice@example.com' }, pkcePair().challenge), { headers: { Cookie: signedIn.cookie } });
    expect(replyParams(silent.location()).get('code')).toBeTruthy();
  });

  it('writes atomically: no temporary files stay behind, only hashes of secrets are stored', async () => {
    const emulator = await start();
    const tokens = (await redeemCode(emulator, await signIn(emulator, 'bob@example.com'))).json<TokenBody>();
    for (let i = 0; i < 3; i += 1) {
      await graph(emulator, `${BACKUP}:/content`, tokens.access_token, { method: 'PUT', body: `version ${i}` });
    }
    const files = allFiles(dataDir);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // One content file: older versions are removed once the new one is recorded.
    expect(files.filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    const stored = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(stored).not.toContain(tokens.refresh_token ?? 'missing');
  });

  it('refuses to start on a damaged data file, naming it', async () => {
    const emulator = await start();
    await signIn(emulator, 'alice@example.com');
    await stop(emulator);
    const sessions = join(dataDir, 'identity', 'sessions.json');
    writeFileSync(sessions, '{"version": 1, "sessions": ');
    await expect(startEmulator({ port: 0, dataDir })).rejects.toThrow(StoredFileDamagedError);
    await expect(startEmulator({ port: 0, dataDir })).rejects.toThrow(sessions);
  });
});
