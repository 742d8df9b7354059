/**
 * Opens a Hikae backup, encrypted export or vault file with its password and
 * prints its accounts as otpauth:// links, one per line — so your accounts are
 * never locked in, even without the extension. Written from docs/backup-format.md
 * and docs/vault-format.md alone: node:crypto and hash-wasm (Argon2id), no code
 * of the extension.
 *
 *   npx tsx tools/decrypt-backup.ts hikae-backup.json > accounts.txt      (asks for the password)
 *   npx tsx tools/decrypt-backup.ts hikae-export.json --password-stdin < password.txt
 *
 * The output holds your secrets in the clear: keep it safe, delete it after use.
 * Device-bound accounts have no secret in a backup or export (it never left its
 * device): they are listed on stderr, not printed.
 */
import { createDecipheriv, createHash, hkdfSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { argon2id } from 'hash-wasm';

/** Why a file could not be opened; `code` names the problem for scripts. */
export class DecryptError extends Error {
  override readonly name = 'DecryptError';
  constructor(
    readonly code: 'not-hikae' | 'unsupported-version' | 'damaged' | 'wrong-password' | 'kdf-refused',
    message: string,
  ) {
    super(message);
  }
}

type Json = Record<string, unknown>;

const b64 = (text: unknown, what: string): Buffer => {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new DecryptError('damaged', `${what} is not base64.`);
  }
  return Buffer.from(text, 'base64');
};
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const num = (value: unknown, what: string): number => {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new DecryptError('damaged', `${what} is not an integer.`);
  return value;
};

/** HKDF-SHA256 with an empty salt (docs/vault-format.md, "Keys"). */
const hkdf = (key: Uint8Array, info: string, bytes = 32) => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), Buffer.from(info, 'utf8'), bytes));

/** AES-256-GCM open: ciphertext ‖ 16-byte tag, AAD = UTF-8 of JSON.stringify(aad). `null` when the tag fails. */
function gcmOpen(key: Uint8Array, nonce: Buffer, sealed: Buffer, aad: readonly unknown[]): Buffer | null {
  if (sealed.length < 16) return null;
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(Buffer.from(JSON.stringify(aad), 'utf8'));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
  } catch {
    return null;
  }
}

/** The reading bounds of docs/vault-format.md: a file asking for more would hang this tool. */
function checkKdf(kdf: Json): void {
  const memoryKiB = num(kdf.memoryKiB, 'kdf.memoryKiB');
  const iterations = num(kdf.iterations, 'kdf.iterations');
  const parallelism = num(kdf.parallelism, 'kdf.parallelism');
  const ok = kdf.algorithm === 'argon2id' && kdf.outputBytes === 32 && parallelism >= 1 && parallelism <= 16 && memoryKiB >= 8 * parallelism && memoryKiB <= 262_144 && iterations >= 1 && iterations <= 10 && memoryKiB * iterations <= 1_572_864;
  if (!ok) throw new DecryptError('kdf-refused', 'The password slot asks for Argon2id parameters outside the documented bounds.');
}

/** A password slot opened with the password → the master key, or `null` for a wrong password. */
async function openPasswordSlot(slot: Json, password: string): Promise<Buffer | null> {
  const kdf = slot.kdf;
  const wrap = slot.wrap;
  if (!isObject(kdf) || !isObject(wrap)) throw new DecryptError('damaged', 'A password slot is malformed.');
  checkKdf(kdf);
  const secret = await argon2id({
    password: password.normalize('NFC'),
    salt: b64(kdf.salt, 'kdf.salt'),
    iterations: num(kdf.iterations, 'kdf.iterations'),
    parallelism: num(kdf.parallelism, 'kdf.parallelism'),
    memorySize: num(kdf.memoryKiB, 'kdf.memoryKiB'),
    hashLength: 32,
    outputType: 'binary',
  });
  const aad = ['hikae/password-slot/v1', slot.generation, 'argon2id', kdf.memoryKiB, kdf.iterations, kdf.parallelism, 32, kdf.salt, 'AES-256-GCM'];
  return gcmOpen(hkdf(secret, 'hikae/password-slot/kek/v1'), b64(wrap.nonce, 'wrap.nonce'), b64(wrap.wrappedKey, 'wrap.wrappedKey'), aad);
}

/** The slots digest of a version-2 list (docs/vault-format.md, "Key slots"). */
const slotsDigest = (generation: number, slots: Json[]) =>
  createHash('sha256').update(JSON.stringify(['hikae/slots-digest/v2', generation, ...slots.map((slot) => slot.checksum)]), 'utf8').digest('base64');

/** The decrypted contents of a backup, an encrypted export (same format) or a vault. */
export async function decryptHikaeFile(text: string, password: string): Promise<{ kind: 'backup' | 'vault'; contents: Json }> {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    throw new DecryptError('not-hikae', 'The file is not JSON: not a Hikae backup, export or vault.');
  }
  if (!isObject(file) || (file.format !== 'hikae-backup' && file.format !== 'hikae-vault')) {
    throw new DecryptError('not-hikae', 'The file is not a Hikae backup, export or vault (its "format" is not hikae-backup or hikae-vault).');
  }
  const kind = file.format === 'hikae-backup' ? 'backup' : 'vault';
  const version = file.version;
  if (version !== 1 && version !== 2) throw new DecryptError('unsupported-version', `This tool reads format versions 1 and 2; the file is version ${JSON.stringify(version)}.`);

  const slots = version === 1 ? [file.passwordSlot] : file.slots;
  if (!Array.isArray(slots) || !slots.every(isObject)) throw new DecryptError('damaged', 'The key slots are malformed.');
  let masterKey: Buffer | null = null;
  for (const slot of slots.filter((s) => s.type === 'password')) {
    masterKey = await openPasswordSlot(slot, password);
    if (masterKey) break;
  }
  if (!masterKey) throw new DecryptError('wrong-password', 'The password does not open this file (or its key slot is damaged).');
  if (hkdf(masterKey, 'hikae/key-id/v1', 16).toString('base64') !== file.keyId) throw new DecryptError('damaged', 'The key id does not match the key.');

  let aad: unknown[];
  if (kind === 'vault') {
    aad = ['hikae-vault', version, file.keyId, 'AES-256-GCM'];
  } else {
    const summary = file.summary;
    if (!isObject(summary)) throw new DecryptError('damaged', 'The backup has no summary.');
    const slotPart = version === 1 ? [(slots[0] as Json).checksum] : [file.slotsGeneration, slotsDigest(num(file.slotsGeneration, 'slotsGeneration'), slots)];
    aad = ['hikae-backup', version, file.keyId, summary.createdAt, summary.accountCount, summary.browser, ...slotPart, 'AES-256-GCM'];
  }
  const payload = file.payload;
  if (!isObject(payload)) throw new DecryptError('damaged', 'The file has no payload.');
  const info = kind === 'vault' ? 'hikae/vault-payload/v1' : 'hikae/backup-payload/v1';
  const plaintext = gcmOpen(hkdf(masterKey, info), b64(payload.nonce, 'payload.nonce'), b64(payload.ciphertext, 'payload.ciphertext'), aad);
  if (!plaintext) throw new DecryptError('damaged', 'The encrypted contents failed authentication: the file was changed or corrupted.');
  const contents: unknown = JSON.parse(plaintext.toString('utf8'));
  if (!isObject(contents) || !Array.isArray(contents.accounts)) throw new DecryptError('damaged', 'The decrypted contents have no account list.');
  // Contents 2 added `sites` to accounts; nothing an otpauth:// link carries changed.
  if (contents.contentsVersion !== 1 && contents.contentsVersion !== 2) throw new DecryptError('unsupported-version', `This tool reads contents versions 1 and 2; the file has ${JSON.stringify(contents.contentsVersion)}.`);
  return { kind, contents };
}

/** One account as an otpauth:// link (Key URI format; Steam as otpauth://steam/). */
export function otpauthUri(account: Json): string {
  const issuer = typeof account.issuer === 'string' ? account.issuer : '';
  const name = typeof account.accountName === 'string' ? account.accountName : '';
  const type = account.type === 'hotp' ? 'hotp' : account.type === 'steam' ? 'steam' : 'totp';
  const label = issuer ? `${encodeURIComponent(issuer)}:${encodeURIComponent(name)}` : encodeURIComponent(name);
  const params = new URLSearchParams();
  params.set('secret', String(account.secret));
  if (issuer) params.set('issuer', issuer);
  params.set('algorithm', String(account.algorithm ?? 'SHA1'));
  params.set('digits', String(account.digits ?? 6));
  if (type === 'hotp') params.set('counter', String(account.counter ?? 0));
  else params.set('period', String(account.period ?? 30));
  return `otpauth://${type}/${label}?${params.toString().replace(/\+/g, '%20')}`;
}

/** The file's accounts as otpauth:// links, in the user's order, and the ones without a secret. */
export async function decryptToOtpauthList(text: string, password: string): Promise<{ uris: string[]; withoutSecret: string[] }> {
  const { contents } = await decryptHikaeFile(text, password);
  const uris: string[] = [];
  const withoutSecret: string[] = [];
  for (const account of (contents.accounts as unknown[]).filter(isObject)) {
    if (typeof account.secret === 'string' && account.secret !== '') uris.push(otpauthUri(account));
    else withoutSecret.push([account.issuer, account.accountName].filter((part) => typeof part === 'string' && part !== '').join(': '));
  }
  return { uris, withoutSecret };
}

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  }
  // Ask on the terminal without echoing what is typed.
  process.stderr.write('Password: ');
  process.stdin.setRawMode(true);
  process.stdin.resume();
  let password = '';
  for await (const chunk of process.stdin) {
    for (const char of (chunk as Buffer).toString('utf8')) {
      if (char === '\r' || char === '\n') {
        process.stdin.setRawMode(false);
        process.stdin.pause();
        process.stderr.write('\n');
        return password;
      }
      if (char === '\u0003') process.exit(130);
      password = char === '\u007f' ? [...password].slice(0, -1).join('') : password + char;
    }
  }
  return password;
}

async function main(argv: string[]): Promise<number> {
  const path = argv.find((arg) => !arg.startsWith('--'));
  if (!path || argv.includes('--help')) {
    process.stderr.write('usage: npx tsx tools/decrypt-backup.ts <hikae-backup.json | export.json | vault.json> [--password-stdin]\n');
    return path ? 0 : 2;
  }
  try {
    const { uris, withoutSecret } = await decryptToOtpauthList(readFileSync(path, 'utf8'), await readPassword(argv.includes('--password-stdin')));
    for (const uri of uris) process.stdout.write(`${uri}\n`);
    for (const label of withoutSecret) process.stderr.write(`no secret in this file (device-bound or not yet verified): ${label}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
