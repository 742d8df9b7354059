import { beforeAll, beforeEach, expect } from 'vitest';
import { HANDLERS } from '../../../lib/background/handlers';
import type { ExtensionIdentity, SenderInfo } from '../../../lib/background/core';
import { route } from '../../../lib/background/router';
import { VAULT_STORAGE_KEY } from '../../../lib/background/vault';
import { isFailureOf, type ErrorCode, type Payload, type ProtocolFailure, type RequestType, type Response, type ResponseValue } from '../../../lib/messaging/protocol';
import { secretFromBytes } from '../../../lib/otp/secret';
import { openVault, type VaultContents } from '../../../lib/vault';
import { countWrites, createFakePorts, restoreStorage, snapshotStorage, type FakePorts, type StorageSnapshot } from './fake-ports';

/*
 * Drives the background the way a page does: every request goes through
 * route(), so the sender check and payload validation run on every call, and
 * every answer is searched for secrets before the test sees it.
 */

export const SELF: ExtensionIdentity = { id: 'hikaetestextensionid', origin: 'chrome-extension://hikaetestextensionid/' };
/** The popup: an extension page of our own. */
export const POPUP: SenderInfo = { id: SELF.id, url: `${SELF.origin}popup.html` };

export const PASSWORD = 'correct horse battery staple';

/** Strings that must never appear in an answer: passwords, account secrets, the master key. */
const secrets = new Set<string>([PASSWORD]);

/** Adds a string to the ones no answer may contain. */
export function rememberSecret(secret: string): void {
  secrets.add(secret);
}

/** Fails the test when the answer contains a password, an account secret or the session's master key. */
export function expectNoSecrets(answer: unknown, ports: FakePorts): void {
  const text = JSON.stringify(answer);
  const session = ports.session.peek('unlocked') as { masterKey?: string } | undefined;
  const forbidden = [...secrets, ...(session?.masterKey ? [session.masterKey] : [])];
  for (const secret of forbidden) {
    if (text.includes(secret)) expect.fail(`An answer contains a secret (${secret.slice(0, 6)}…): ${text}`);
  }
}

/** Sends any message from any sender, as the browser would deliver it. */
export async function sendRaw(ports: FakePorts, message: unknown, sender: SenderInfo = POPUP): Promise<Response<RequestType>> {
  const answer = await route(message, sender, SELF, ports, HANDLERS);
  expectNoSecrets(answer, ports);
  return answer;
}

/** Sends one typed request from the popup. */
export async function send<T extends RequestType>(ports: FakePorts, type: T, payload: Payload<T>): Promise<Response<T>> {
  return (await sendRaw(ports, { type, payload })) as Response<T>;
}

/** Sends a request that must succeed; returns its value. */
export async function sendOk<T extends RequestType>(ports: FakePorts, type: T, payload: Payload<T>): Promise<ResponseValue<T>> {
  const answer = await send(ports, type, payload);
  if (!answer.ok) expect.fail(`${type} failed: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

/** Asserts the answer is a failure with `code`; returns the failure, typed by its code. */
export function expectFailure<C extends ErrorCode>(answer: Response<RequestType>, code: C): ProtocolFailure<C> {
  if (answer.ok) return expect.fail(`expected failure ${code}, got success ${JSON.stringify(answer.value)}`);
  if (!isFailureOf(answer.error, [code])) return expect.fail(`expected failure ${code}, got ${answer.error.code}: ${answer.error.message}`);
  return answer.error;
}

/** Sends a request that must fail with `code`, and checks it wrote nothing anywhere in local. */
export async function expectRefusedWithoutWrite<T extends RequestType, C extends ErrorCode>(ports: FakePorts, type: T, payload: Payload<T>, code: C) {
  const before = ports.local.dump();
  const { result, local } = await countWrites(ports, () => send(ports, type, payload));
  const failure = expectFailure(result, code);
  expect(local).toBe(0);
  expect(ports.local.dump()).toEqual(before);
  return failure;
}

/** A distinct, valid base32 secret for `n` (20 bytes, as most sites issue). */
export function secretFor(n: number): string {
  const bytes = new TextEncoder().encode(`hikae-test-key-${String(n).padStart(5, '0')}`).slice(0, 20);
  const secret = secretFromBytes(bytes);
  rememberSecret(secret);
  return secret;
}

/** A valid TOTP draft, distinct for every `n`. */
export function draftFor(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { issuer: `Issuer ${n}`, accountName: `user${n}@example.com`, secret: secretFor(n), ...overrides };
}

/** The decrypted vault as stored in `local`, opened with a known master key (base64). */
export async function storedContents(ports: FakePorts, masterKeyB64: string): Promise<VaultContents> {
  return openVault(ports.local.peek(VAULT_STORAGE_KEY), Uint8Array.from(Buffer.from(masterKeyB64, 'base64')));
}

/** The master key of the open session (base64), read from the fake session storage. */
export function sessionMasterKey(ports: FakePorts): string {
  const record = ports.session.peek('unlocked') as { masterKey?: unknown } | undefined;
  if (typeof record?.masterKey !== 'string') expect.fail('The vault is not unlocked.');
  return record.masterKey;
}

export interface SharedVault {
  /** Fresh ports for the current test, holding a copy of the vault made once for the describe. */
  readonly ports: FakePorts;
  /** The vault's master key (base64), to inspect the stored contents even while locked. */
  readonly masterKey: string;
  /** The ids of the accounts `setup` added, in order. */
  readonly ids: readonly string[];
}

let seed = 100;

/**
 * Creates ONE unlocked vault for the enclosing describe (Argon2id at its real
 * cost runs once), lets `setup` add accounts, and gives every test its own
 * ports with a deep copy of that storage and the clock where setup left it.
 */
export function useSharedVault(setup: (ports: FakePorts) => Promise<string[]> = async () => []): SharedVault {
  let snapshot: StorageSnapshot;
  let nowMs = 0;
  let masterKey = '';
  let ids: string[] = [];
  let ports: FakePorts | undefined;

  beforeAll(async () => {
    const origin = createFakePorts({ seed: (seed += 1) });
    await sendOk(origin, 'vault.create', { password: PASSWORD });
    masterKey = sessionMasterKey(origin);
    ids = await setup(origin);
    snapshot = snapshotStorage(origin);
    nowMs = origin.now();
  });

  beforeEach(() => {
    ports = createFakePorts({ nowMs, seed: (seed += 1) });
    restoreStorage(ports, snapshot);
  });

  return {
    get ports() {
      if (!ports) throw new Error('useSharedVault: no test is running.');
      return ports;
    },
    get masterKey() {
      return masterKey;
    },
    get ids() {
      return ids;
    },
  };
}

/** Adds accounts 1…count by draft; returns their ids in order. */
export async function addAccounts(ports: FakePorts, numbers: readonly number[]): Promise<string[]> {
  const ids: string[] = [];
  for (const n of numbers) ids.push((await sendOk(ports, 'accounts.add', { draft: draftFor(n) })).id);
  return ids;
}
