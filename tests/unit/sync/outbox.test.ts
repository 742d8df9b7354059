import { beforeAll, describe, expect, it } from 'vitest';
import { openBackupWithKey, parseBackupFile, toBackupAccount, VaultKeyMismatchError } from '../../../lib/backup';
import { queueBackup } from '../../../lib/sync/outbox';
import { INITIAL_SYNC_STATE, type SyncState } from '../../../lib/sync/sync-state';
import { createVault, type VaultContents, type VaultFile } from '../../../lib/vault';
import { T0 } from './fake-sync-ports';
import { pslot } from '../vault/helpers';
import { acc, ACCOUNT, contentsOf, FAST_KDF, PASSWORD } from './sync-fixtures';

const realRandom = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));
const DEVICE = { deviceName: 'Margarethe’s laptop', browser: 'Firefox 153' };

/** Strings that must never appear in the clear. */
const CONTENTS: VaultContents = contentsOf([
  acc('wombat', { issuer: 'Wombat Savings Bank', accountName: 'margarethe.quill@example.org', sites: ['wombat-bank.example'] }),
  acc('quokka', { issuer: 'Quokka Mail', accountName: 'mq-admin', deviceBound: true }),
]);
const SECRETS_IN_CLEAR = [
  ...CONTENTS.accounts.flatMap((a) => [a.secret, a.issuer, a.accountName, a.sites?.[0] ?? a.issuer]),
  DEVICE.deviceName,
  'wombat',
  'quokka',
];

let vault: { file: VaultFile; masterKey: Uint8Array };
beforeAll(async () => {
  vault = await createVault(PASSWORD, CONTENTS, { random: realRandom }, FAST_KDF);
});

const enabled = (patch: Partial<SyncState> = {}): SyncState => ({ ...INITIAL_SYNC_STATE, enabled: true, account: ACCOUNT, ...patch });
const queue = (state: SyncState, now = T0, random = realRandom) =>
  queueBackup(state, { contents: CONTENTS, masterKey: vault.masterKey, vaultFile: vault.file }, { now, random, device: DEVICE });

describe('queueBackup', () => {
  it.each([0, 1, 41])('revision %i → the next revision, in the state and in the outbox, prepared now', async (revision) => {
    const state = await queue(enabled({ revision }), T0 + 5);
    expect(state.revision).toBe(revision + 1);
    expect(state.outbox).toMatchObject({ revision: revision + 1, preparedAt: T0 + 5 });
  });

  it('replaces an older outbox and keeps the rest of the state', async () => {
    const before = enabled({
      revision: 7,
      outbox: { text: 'older', revision: 7, preparedAt: T0 - 1 },
      remote: { eTag: '"{x},3"' },
      problem: { code: 'offline', message: 'offline', since: T0 - 10 },
      retry: { attempt: 1, at: T0 + 2000 },
      lastSuccessAt: T0 - 100,
      pendingMerge: true,
    });
    const after = await queue(before);
    const { outbox: _o, revision: _r, ...rest } = after;
    const { outbox: _bo, revision: _br, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    expect(after.outbox?.text).not.toBe('older');
  });

  it('makes an encrypted backup: no secret, name, issuer, site or device name in the clear', async () => {
    const state = await queue(enabled());
    const text = state.outbox?.text ?? '';
    for (const secret of SECRETS_IN_CLEAR) expect(text, secret).not.toContain(secret);
    for (const secret of SECRETS_IN_CLEAR) expect(text.toLowerCase(), secret).not.toContain(secret.toLowerCase());

    const file = parseBackupFile(text);
    expect(file.summary).toEqual({ createdAt: T0, accountCount: CONTENTS.accounts.length, browser: DEVICE.browser });
    expect(file.keyId).toBe(vault.file.keyId);
    expect(pslot(file)).toEqual(pslot(vault.file));

    const opened = await openBackupWithKey(text, vault.masterKey);
    expect(opened.accounts).toEqual(CONTENTS.accounts.map(toBackupAccount));
    expect(opened.source).toEqual({ ...DEVICE, createdAt: T0 });
    // The device-bound secret stays on this device, even encrypted.
    expect(opened.accounts.find((a) => a.id === 'quokka')).not.toHaveProperty('secret');
  });

  it('seals each outbox afresh (a new nonce each time)', async () => {
    const first = await queue(enabled());
    const second = await queue(first);
    expect(parseBackupFile(second.outbox?.text).payload.nonce).not.toBe(parseBackupFile(first.outbox?.text).payload.nonce);
  });

  it('backup off → the very same state, nothing encrypted', async () => {
    const state = { ...INITIAL_SYNC_STATE, account: ACCOUNT, revision: 3 };
    let randomCalls = 0;
    const result = await queue(state, T0, (n) => {
      randomCalls += 1;
      return realRandom(n);
    });
    expect(result).toBe(state);
    expect(result).toEqual({ ...INITIAL_SYNC_STATE, account: ACCOUNT, revision: 3 });
    expect(randomCalls).toBe(0);
  });

  it("refuses a key that is not the vault's (VaultKeyMismatchError), the state untouched", async () => {
    const state = enabled({ revision: 2 });
    await expect(
      queueBackup(state, { contents: CONTENTS, masterKey: realRandom(32), vaultFile: vault.file }, { now: T0, random: realRandom, device: DEVICE }),
    ).rejects.toBeInstanceOf(VaultKeyMismatchError);
    expect(state).toEqual(enabled({ revision: 2 }));
  });
});
