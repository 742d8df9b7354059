import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch as undiciFetch, type RequestInit as UndiciRequestInit } from 'undici';
import type { AccessTokenSource } from '../../../lib/graph';
import { startEmulator, type RunningEmulator } from '../../../ms-cloud-emulator/server.ts';
import { control, refresh, send, type DriveItemBody, type TokenBody } from '../../emulator/support/emulator-client.ts';

/** The real emulator over HTTPS, and a spec-conforming fetch (undici's) that trusts its certificate. */
export interface GraphEmulator {
  emulator: RunningEmulator;
  /** Graph's base URL on the emulator. */
  baseUrl: string;
  /** fetch trusting exactly the emulator's self-signed certificate; nothing global is switched off. */
  fetch: typeof fetch;
  close(): Promise<void>;
}

export async function startGraphEmulator(): Promise<GraphEmulator> {
  const dataDir = mkdtempSync(join(tmpdir(), 'graph-client-'));
  const emulator = await startEmulator({ port: 0, dataDir });
  const dispatcher = new Agent({ connect: { ca: emulator.certificatePem } });
  const tlsFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (typeof input !== 'string') throw new TypeError('the test fetch takes string URLs only');
    // undici's own types describe the same WHATWG objects as the DOM lib's.
    const response = await undiciFetch(input, { ...(init as UndiciRequestInit), dispatcher });
    return response as unknown as Response;
  };
  return {
    emulator,
    baseUrl: `${emulator.url}/v1.0`,
    fetch: tlsFetch,
    async close() {
      await dispatcher.close();
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A token source like the extension's: cached access token, refresh grant when forced. Records its calls. */
export interface RecordingTokenSource {
  source: AccessTokenSource;
  calls: Array<{ forceRefresh: boolean }>;
}

export function emulatorTokenSource(emulator: RunningEmulator, tokens: TokenBody): RecordingTokenSource {
  const calls: Array<{ forceRefresh: boolean }> = [];
  let accessToken = tokens.access_token;
  let refreshToken = tokens.refresh_token ?? '';
  const source: AccessTokenSource = async ({ forceRefresh }) => {
    calls.push({ forceRefresh });
    if (forceRefresh) {
      const answer = await refresh(emulator, refreshToken);
      if (answer.status !== 200) throw new Error(`refresh failed with HTTP ${answer.status}`);
      const renewed = answer.json<TokenBody>();
      accessToken = renewed.access_token;
      refreshToken = renewed.refresh_token ?? refreshToken;
    }
    return accessToken;
  };
  return { source, calls };
}

export const ALICE = 'alice@example.com';
const ALICE_FILES = `/_emulator/files/${encodeURIComponent(ALICE)}`;

/** Writes the file "as another device" through the control interface. */
export async function writeAsOtherDevice(emulator: RunningEmulator, name: string, text: string): Promise<DriveItemBody> {
  const answer = await send(emulator, `${ALICE_FILES}/${encodeURIComponent(name)}`, { method: 'PUT', body: text });
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`control PUT answered ${answer.status}`);
  return answer.json<DriveItemBody>();
}

/** The file as the emulator holds it, or null. */
export async function storedFile(emulator: RunningEmulator, name: string): Promise<{ item: DriveItemBody; text: string } | null> {
  const metadata = await send(emulator, `${ALICE_FILES}/${encodeURIComponent(name)}?view=metadata`);
  if (metadata.status === 404) return null;
  const content = await send(emulator, `${ALICE_FILES}/${encodeURIComponent(name)}`);
  return { item: metadata.json<DriveItemBody>(), text: content.text };
}

export async function deleteAsOtherDevice(emulator: RunningEmulator, name: string): Promise<void> {
  const answer = await send(emulator, `${ALICE_FILES}/${encodeURIComponent(name)}`, { method: 'DELETE' });
  if (answer.status !== 204) throw new Error(`control DELETE answered ${answer.status}`);
}

export async function deleteAppFolder(emulator: RunningEmulator): Promise<void> {
  await send(emulator, ALICE_FILES, { method: 'DELETE' });
}

/** Adds a fault rule (docs/ms-cloud-emulator.md, "Fault rules"). */
export async function addFault(emulator: RunningEmulator, rule: Record<string, unknown>): Promise<void> {
  const answer = await control(emulator, 'POST', '/_emulator/faults', rule);
  if (answer.status !== 201) throw new Error(`fault rule refused: ${answer.text}`);
}

/** One logged request. */
export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
}

/** Graph and download requests the emulator saw, oldest first (identity requests left out). */
export async function graphRequests(emulator: RunningEmulator): Promise<LoggedRequest[]> {
  const log = (await control(emulator, 'GET', '/_emulator/log')).json<LoggedRequest[]>();
  return log.filter((entry) => entry.path.startsWith('/v1.0/') || entry.path.startsWith('/_content/'));
}

/** `METHOD path status` lines with the download token hidden, for readable expectations. */
export function summarize(requests: LoggedRequest[], baseName: string): string[] {
  return requests.map((r) => `${r.method} ${r.path.replace(/^\/_content\/.*/, '/_content/…').replace(`approot:/${baseName}`, 'approot:/FILE')} ${r.status}`);
}
