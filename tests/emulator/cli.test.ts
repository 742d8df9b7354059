import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../../ms-cloud-emulator/cli.ts');

let dataDir: string | undefined;
let child: ChildProcessWithoutNullStreams | undefined;

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the CLI and resolves with its first stdout line. */
function startCli(args: string[]): Promise<string> {
  const proc = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: 'pipe' });
  child = proc;
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline >= 0) resolve(out.slice(0, newline));
    });
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.on('exit', (code) => reject(new Error(`CLI exited with ${code}: ${err}`)));
  });
}

/** GET over TLS; the test trusts the self-signed certificate only for this call. */
function getStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { rejectUnauthorized: false, family: 4 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('cli', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('prints {"url"} when ready and exits 0 on %s', async (signal) => {
    dataDir = mkdtempSync(join(tmpdir(), 'ms-emulator-cli-'));
    const line = await startCli(['--port', '0', '--data-dir', dataDir]);
    const { url } = JSON.parse(line) as { url: string };
    expect(url).toMatch(/^https:\/\/localhost:\d+$/);
    expect(await getStatus(`${url}/consumers/v2.0/.well-known/openid-configuration`)).toBe(200);
    const exited = new Promise<number | null>((resolve) => child?.on('exit', resolve));
    child?.kill(signal);
    expect(await exited).toBe(0);
  });
});
