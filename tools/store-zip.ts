import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BlobReader, TextWriter, ZipReader } from '@zip.js/zip.js';
import { EMULATOR_CLIENT_ID, STORE_PACKAGE_ENV } from '../lib/extension-identity';
import { ROOT } from './browser/config';

/*
 * `npm run zip`: the Chrome Web Store and addons.mozilla.org packages (docs/store.md).
 * Refuses to package without a real Microsoft client id (a store user could never turn
 * backup on) unless told so with --without-client-id; builds with the manifest `key` left
 * out (the Chrome Web Store refuses it); lints the Firefox package (web-ext, warnings are
 * errors); then opens each zip and checks both.
 *   WXT_MS_CLIENT_ID=<guid> npm run zip
 *   npm run zip -- --without-client-id      (backup shown as unavailable)
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why a client id cannot go into a store package, or undefined when it can. */
export function clientIdProblem(clientId: string | undefined): string | undefined {
  if (clientId === undefined || clientId.trim() === '') return 'WXT_MS_CLIENT_ID is not set';
  if (!GUID.test(clientId.trim())) return `WXT_MS_CLIENT_ID "${clientId}" is not an Application (client) ID (a GUID)`;
  if (clientId.trim().toLowerCase() === EMULATOR_CLIENT_ID) return 'WXT_MS_CLIENT_ID is the local emulator\'s id, not an app registration';
  return undefined;
}

async function zipText(file: string, entryName: string): Promise<string | undefined> {
  const reader = new ZipReader(new BlobReader(new Blob([fs.readFileSync(file)])));
  try {
    const entry = (await reader.getEntries()).find((e) => e.filename === entryName);
    return entry && !entry.directory ? await entry.getData(new TextWriter()) : undefined;
  } finally {
    await reader.close();
  }
}

/** All JavaScript of a zip, to find the client id the build was given. */
async function zipScripts(file: string): Promise<string> {
  const reader = new ZipReader(new BlobReader(new Blob([fs.readFileSync(file)])));
  try {
    const parts: string[] = [];
    for (const entry of await reader.getEntries()) if (!entry.directory && entry.filename.endsWith('.js')) parts.push(await entry.getData(new TextWriter()));
    return parts.join('\n');
  } finally {
    await reader.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'without-client-id': { type: 'boolean', default: false } } });
  const clientId = process.env.WXT_MS_CLIENT_ID?.trim();
  const problem = clientIdProblem(clientId);
  if (problem !== undefined && !values['without-client-id']) {
    console.error(`Not packaging for the stores: ${problem}.\nRegister an app (README "Use the real Microsoft cloud") and run WXT_MS_CLIENT_ID=<its id> npm run zip,\nor package without backup on purpose: npm run zip -- --without-client-id`);
    process.exit(1);
  }
  const env = { ...process.env, [STORE_PACKAGE_ENV]: '1', ...(problem === undefined ? {} : { WXT_MS_CLIENT_ID: '' }) };
  for (const args of [['zip'], ['zip', '-b', 'firefox']]) execFileSync('npx', ['wxt', ...args], { cwd: ROOT, env, stdio: 'inherit' });
  // The package addons.mozilla.org will lint, linted the same way here (throws on any warning).
  execFileSync('npx', ['web-ext', 'lint', '--source-dir', path.join(ROOT, '.output/firefox-mv3'), '--no-config-discovery', '--warnings-as-errors'], { cwd: ROOT, stdio: 'inherit' });

  const { name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  for (const browser of ['chrome', 'firefox']) {
    const file = path.join(ROOT, '.output', `${name}-${version}-${browser}.zip`);
    const manifest = JSON.parse((await zipText(file, 'manifest.json')) ?? 'null') as Record<string, unknown> | null;
    if (manifest === null) throw new Error(`${file} has no manifest.json`);
    if ('key' in manifest) throw new Error(`${file}: the manifest has a key, which the Chrome Web Store refuses`);
    if (problem === undefined && !(await zipScripts(file)).includes(clientId!)) throw new Error(`${file}: the client id is not in the built code`);
    console.log(`${path.relative(ROOT, file)}: manifest without key, ${problem === undefined ? `client id ${clientId}` : 'NO client id (backup unavailable)'}`);
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
