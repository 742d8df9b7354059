import { describe, expect, it } from 'vitest';
import {
  CutShortError,
  DamagedFileError,
  ImportError,
  ImportLimitError,
  importFile,
  PasswordRequiredError,
  SqliteEngineMissingError,
  UnsupportedFormatError,
  WrongPasswordError,
  type ImportInput,
  type ImportOptions,
} from '../../../lib/import';
import { ImportResult } from '../../../lib/import/result';
import { encodeBase64 } from '../../../lib/import/encoding';
import { validateDraft } from '../../../lib/otp/validate';
import { toMigrationPayloads } from '../../../lib/export/migration-payloads';
import { encodeMigrationPayload } from '../../../lib/migration/payload';
import { parseMigrationUri } from '../../../lib/migration/uri';
import { FIXTURE_PASSWORD, fixtureBytes, plainAccounts, sqliteEngine } from './fixtures';
import { prng } from '../support/prng';

/*
 * Feeds thousands of mutated export files (byte flips, truncations, insertions,
 * deletions, JSON field type swaps, protobuf byte damage) and random bytes to
 * importFile. Every case must end in an ImportResult or one of the typed import
 * errors — no other exception, and no case may take long. Deterministic: a fixed
 * seed, so a failure names a case that can be replayed.
 *
 * Encrypted files are mutated without a password (the parser must refuse before
 * any key derivation) and only a handful run through the KDF with the password.
 */

const SEED = 0x5eed_2fa5;
const MUTATIONS_PER_FILE = 600;
const RANDOM_INPUTS = 2000;
const KDF_CASES_PER_ENCRYPTED_FILE = 3;
/** No single case may take this long (a hang or a runaway KDF would). */
const MAX_CASE_MS = 3000;

const TYPED_ERRORS = [PasswordRequiredError, WrongPasswordError, UnsupportedFormatError, DamagedFileError, CutShortError, ImportLimitError, SqliteEngineMissingError];

type Random = () => number;
const int = (random: Random, max: number): number => Math.floor(random() * max);
const randomBytes = (random: Random, length: number): Uint8Array => Uint8Array.from({ length }, () => int(random, 256));

const byteMutations: Record<string, (bytes: Uint8Array, random: Random) => Uint8Array> = {
  flip(bytes, random) {
    const out = bytes.slice();
    for (let n = 1 + int(random, 4); n > 0 && out.length > 0; n--) out[int(random, out.length)]! ^= 1 << int(random, 8);
    return out;
  },
  truncate: (bytes, random) => bytes.slice(0, int(random, bytes.length)),
  insert(bytes, random) {
    const at = int(random, bytes.length + 1);
    const chunk = random() < 0.5 ? randomBytes(random, 1 + int(random, 32)) : bytes.slice(int(random, bytes.length), int(random, bytes.length) + 64);
    return new Uint8Array([...bytes.subarray(0, at), ...chunk, ...bytes.subarray(at)]);
  },
  delete(bytes, random) {
    const at = int(random, bytes.length);
    return new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + 1 + int(random, 64))]);
  },
  duplicate(bytes, random) {
    const at = int(random, bytes.length);
    const chunk = bytes.subarray(at, at + 1 + int(random, 200));
    return new Uint8Array([...bytes.subarray(0, at), ...chunk, ...chunk, ...bytes.subarray(at)]);
  },
};

/** Replaces one value somewhere in a JSON document with a value of another type. */
function swapJsonType(text: string, random: Random): string {
  const doc: unknown = JSON.parse(text);
  const replacements: unknown[] = [null, 0, -1, 1e308, 2 ** 53 + 2, 1.5, '', 'x', '💥\u0000\u202e', true, [], {}, [[[]]], { a: { b: {} } }, Array(50).fill('AAAA')];
  const holders: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach((item, i) => (holders.push({ parent: value, key: i }), walk(item)));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) holders.push({ parent: value as Record<string, unknown>, key }), walk(item);
    }
  };
  walk(doc);
  for (let n = 1 + int(random, 3); n > 0 && holders.length > 0; n--) {
    const { parent, key } = holders[int(random, holders.length)]!;
    const value = replacements[int(random, replacements.length)];
    if (Array.isArray(parent)) parent[key as number] = value;
    else parent[key as string] = value;
  }
  return JSON.stringify(doc);
}

/** Damages the protobuf bytes inside a migration link and re-wraps them, so the decoder (not base64) is exercised. */
function mutateMigrationPayload(text: string, random: Random): string {
  return text
    .split('\n')
    .map((uri) => {
      const bytes = encodeMigrationPayload(parseMigrationUri(uri));
      const names = Object.keys(byteMutations);
      const damaged = byteMutations[names[int(random, names.length)]!]!(bytes, random);
      return `otpauth-migration://offline?data=${encodeURIComponent(encodeBase64(damaged))}`;
    })
    .join('\n');
}

interface Source {
  name: string;
  bytes: Uint8Array;
  json: boolean;
  encrypted: boolean;
  migration?: boolean;
  /** The file's own password, when it is not FIXTURE_PASSWORD. */
  password?: string;
}

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

function sources(): Source[] {
  const files: [string, boolean, boolean, string?][] = [
    ['plain.txt', false, false],
    ['ente_auth.txt', false, false],
    ['aegis_plain.json', true, false],
    ['aegis_encrypted.json', true, true],
    ['2fas_authenticator_plain_v4.2fas', true, false],
    ['2fas_authenticator_encrypted_v4.2fas', true, true],
    ['andotp_plain.json', true, false],
    ['andotp_encrypted.bin', false, true],
    ['bitwarden.json', true, false],
    ['bitwarden.csv', false, false],
    ['freeotp_plus.json', true, false],
    ['proton_authenticator.json', true, false],
    ['steam.json', true, false],
    ['authy_plain.xml', false, false],
    ['microsoft_authenticator.sqlite', false, false],
    // Issue 13's apps.
    ['authy_encrypted.xml', false, true, 'testtest'],
    ['andotp_encrypted_old.bin', false, true],
    ['freeotp_v2_api23.xml', false, true],
    ['freeotp.xml', false, false],
    ['stratum_plain.json', true, false],
    ['stratum_encrypted.bin', false, true],
    ['totp_authenticator.bin', false, true, 'Testtest1'],
    ['authenticator_plus.zip', false, true, 'testtesttest'],
    ['duo.json', true, false],
    ['battle_net_authenticator.xml', false, false],
  ];
  const list: Source[] = files.map(([name, json, encrypted, password]) => ({ name, bytes: fixtureBytes(name), json, encrypted, ...(password === undefined ? {} : { password }) }));
  const exportable = plainAccounts().filter((a) => a.type !== 'steam' && (a.digits === 6 || a.digits === 8) && (a.type === 'hotp' || a.period === 30));
  const links = toMigrationPayloads(exportable, { batchSize: 2, batchId: 3 }).uris.join('\n');
  list.push({ name: 'google-authenticator links', bytes: new TextEncoder().encode(links), json: false, encrypted: false, migration: true });
  return list;
}

interface Outcome {
  cases: number;
  results: number;
  errors: Record<string, number>;
  slowestMs: number;
}

async function run(label: string, input: ImportInput, options: ImportOptions, outcome: Outcome): Promise<void> {
  const started = performance.now();
  let settled: unknown;
  try {
    const result = await importFile(input, options);
    const parsed = ImportResult.safeParse(result);
    if (!parsed.success) throw new Error(`not an ImportResult: ${parsed.error.message}`);
    for (const account of result.accounts) expect(validateDraft(account)).toEqual(account);
    outcome.results++;
    settled = result;
  } catch (error) {
    if (!(error instanceof ImportError) || !TYPED_ERRORS.some((type) => error instanceof type)) {
      throw new Error(`Case "${label}" ended in an untyped exception: ${String(error)}`, { cause: error });
    }
    outcome.errors[error.name] = (outcome.errors[error.name] ?? 0) + 1;
    settled = error;
  }
  const elapsed = performance.now() - started;
  outcome.slowestMs = Math.max(outcome.slowestMs, elapsed);
  if (elapsed > MAX_CASE_MS) throw new Error(`Case "${label}" took ${Math.round(elapsed)} ms`);
  outcome.cases++;
  expect(settled).toBeDefined();
}

describe('fuzzing importFile', () => {
  it('ends every mutated or random input in an ImportResult or a typed ImportError, quickly', async () => {
    const random = prng(SEED);
    const outcome: Outcome = { cases: 0, results: 0, errors: {}, slowestMs: 0 };
    const started = performance.now();
    const names = Object.keys(byteMutations);
    let kdfTotal = 0;

    for (const source of sources()) {
      let kdfCases = 0;
      for (let i = 0; i < MUTATIONS_PER_FILE; i++) {
        let bytes: Uint8Array;
        let kind: string;
        const choice = random();
        if (source.json && choice < 0.35) {
          kind = 'json-type-swap';
          bytes = new TextEncoder().encode(swapJsonType(text(source.bytes), random));
        } else if (source.migration && choice < 0.5) {
          kind = 'protobuf-bytes';
          bytes = new TextEncoder().encode(mutateMigrationPayload(text(source.bytes), random));
        } else {
          kind = names[int(random, names.length)]!;
          bytes = byteMutations[kind]!(source.bytes, random);
        }
        // Encrypted files: no password, so the parser must refuse before key derivation;
        // a few cases go through the KDF with the right password.
        const withPassword = source.encrypted && kdfCases < KDF_CASES_PER_ENCRYPTED_FILE && i % 100 === 0;
        if (withPassword) kdfCases++, kdfTotal++;
        const options: ImportOptions = { sqlite: sqliteEngine, ...(withPassword || !source.encrypted ? { password: source.password ?? FIXTURE_PASSWORD } : {}) };
        await run(`${source.name} #${i} ${kind}${withPassword ? ' +password' : ''}`, { name: source.name, bytes }, options, outcome);
      }
    }
    for (let i = 0; i < RANDOM_INPUTS; i++) {
      const bytes = randomBytes(random, int(random, 2048));
      // Some random inputs wear a real header so they reach the format parsers, not just detection.
      const headers = ['', '{"version":1,"header":', '[{"secret":', 'otpauth://totp/', 'SQLite format 3\0', '<map>', 'folder,favorite,type,name,notes,fields,login_uri,login_username,login_password,login_totp\n', 'AUTHENTICATORPRO', 'AuthenticatorPro', '{"Authenticators":[', '<map><string name="tokenOrder">'];
      const binaryHeaders = [[0x50, 0x4b, 0x03, 0x04], [0xac, 0xed, 0x00, 0x05, 0x73, 0x72]];
      const header = i % 13 < 11 ? new TextEncoder().encode(headers[i % 13]) : Uint8Array.from(binaryHeaders[(i % 13) - 11]!);
      await run(`random #${i}`, { bytes: new Uint8Array([...header, ...bytes]) }, { sqlite: sqliteEngine }, outcome);
    }

    const seconds = (performance.now() - started) / 1000;
    console.log(`fuzz: ${outcome.cases} cases in ${seconds.toFixed(1)} s (slowest ${Math.round(outcome.slowestMs)} ms, ${kdfTotal} with the password): ${outcome.results} results, errors ${JSON.stringify(outcome.errors)}`);
    expect(outcome.cases).toBe(sources().length * MUTATIONS_PER_FILE + RANDOM_INPUTS);
    // Both outcomes occur: the fuzzer reaches the parsers, not only the front door.
    expect(kdfTotal).toBe(sources().filter((s) => s.encrypted).length * KDF_CASES_PER_ENCRYPTED_FILE);
    expect(outcome.results).toBeGreaterThan(2000);
    expect(outcome.errors.DamagedFileError).toBeGreaterThan(100);
  }, 180_000);
});
