import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshExtensionKey } from './extension-key';

/**
 * The "floor" popup for `npm run bench` (bench/floor/): a minimal MV3 extension
 * written to a temporary folder with a fresh manifest key, so its id is known
 * before the browser loads it. Every popup figure is read as a ratio to it, so
 * the machine's speed cancels out.
 */
export interface FloorExtension {
  dir: string;
  origin: string;
}

export function writeFloorExtension(): FloorExtension {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hikae-floor-'));
  const { key, origin } = freshExtensionKey();
  const manifest = {
    manifest_version: 3,
    name: 'Floor popup (bench)',
    version: '1.0',
    key,
    permissions: ['storage'],
    action: { default_popup: 'popup.html' },
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  const source = path.join(path.dirname(new URL(import.meta.url).pathname), 'floor');
  for (const file of ['popup.html', 'popup.js']) fs.copyFileSync(path.join(source, file), path.join(dir, file));
  return { dir, origin };
}
