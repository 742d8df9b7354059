import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../ms-cloud-emulator/server.ts';
import { control } from './emulator-client.ts';

/**
 * One emulator for a test file: started on a fresh data folder before its tests
 * (`started` receives it), reset before each test, closed and its folder removed
 * after them all.
 */
export function useEmulator(name: string, started: (emulator: RunningEmulator) => void, options: Omit<EmulatorOptions, 'port' | 'dataDir'> = {}): void {
  let emulator: RunningEmulator | undefined;
  let dataDir = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `ms-emulator-${name}-`));
    emulator = await startEmulator({ ...options, port: 0, dataDir });
    started(emulator);
  });

  afterAll(async () => {
    await emulator?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    if (!emulator) throw new Error('useEmulator: the emulator did not start.');
    expect((await control(emulator, 'POST', '/_emulator/reset')).status).toBe(204);
  });
}
