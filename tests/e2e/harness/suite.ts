import { afterAll, beforeAll } from 'vitest';
import type { BrowserKind } from '../../../tools/browser/config';
import { launchWithExtension, type ExtensionBrowser, type LaunchOptions } from '../../../tools/browser/launch';
import { startTestCloud, type TestCloud } from './cloud';

/*
 * What an e2e suite starts in its beforeAll and closes in its afterAll: the cloud
 * emulator, a browser with the extension, a local site.
 */

interface Closable {
  close(): Promise<void>;
}

/** Closes what a suite started, in the order given; a part that never started is skipped. */
export async function closeAll(...parts: (Closable | undefined)[]): Promise<void> {
  for (const part of parts) await part?.close();
}

/** The cloud emulator, then a browser with the extension; the cloud is closed again if the browser fails to start. */
export async function startCloudAndBrowser(kind: BrowserKind, options?: LaunchOptions): Promise<{ cloud: TestCloud; ext: ExtensionBrowser }> {
  const cloud = await startTestCloud();
  try {
    return { cloud, ext: await launchWithExtension(kind, options) };
  } catch (error) {
    await cloud.close();
    throw error;
  }
}

/**
 * For a describe block: the cloud emulator and a browser with the extension,
 * started before its tests and closed after them. Read `cloud` and `ext` in tests.
 */
export function useCloudAndBrowser(kind: BrowserKind, options?: LaunchOptions): { readonly cloud: TestCloud; readonly ext: ExtensionBrowser } {
  let started: { cloud: TestCloud; ext: ExtensionBrowser } | undefined;
  beforeAll(async () => {
    started = await startCloudAndBrowser(kind, options);
  });
  afterAll(() => closeAll(started?.ext, started?.cloud));
  const get = () => {
    if (!started) throw new Error('The cloud and the browser start in beforeAll: read them inside a test.');
    return started;
  };
  return {
    get cloud() {
      return get().cloud;
    },
    get ext() {
      return get().ext;
    },
  };
}
