import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyOf, parseStored, STORED_ITEMS, SYNC_STATE_ITEM, VAULT_ITEM, type StoredItem } from '../../../lib/storage';
import type { SyncState } from '../../../lib/sync/sync-state';
import { parseVaultFile, unlockVault } from '../../../lib/vault';
import { createFakePorts } from '../background/fake-ports';
import { expectFailure, send, sendOk } from '../background/harness';

/*
 * An upgrade: every item exactly as the previous release stored it
 * (tests/fixtures/storage/previous-version.json) reads through the registry, and
 * the first write moves the vault to version 2 without losing anything.
 */

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/storage/previous-version.json'), 'utf8')) as {
  local: Record<string, unknown>;
  session: Record<string, unknown>;
};
const VAULT_PASSWORD = (JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/vault/passwords.json'), 'utf8')) as Record<string, string>)['vault-v1.json']!;

const itemFor = (area: 'local' | 'session', key: string) =>
  STORED_ITEMS.find((i) => i.area === area && (i.family ? key.startsWith(i.key) : key === i.key)) as StoredItem<unknown> | undefined;

describe('upgrading from the previous version\'s stored data', () => {
  const stored = [
    ...Object.entries(fixture.local).map(([key, value]) => ({ area: 'local' as const, key, value })),
    ...Object.entries(fixture.session).map(([key, value]) => ({ area: 'session' as const, key, value })),
  ];

  it('the fixture has a value of every registered item', () => {
    // Items added since the previous release have no previous data.
    const NEW_SINCE_PREVIOUS = ['copied-code', 'fill:', 'password-check', 'popup-settings', 'account-usage', 'backup-nudge'];
    for (const item of STORED_ITEMS.filter((i) => !NEW_SINCE_PREVIOUS.includes(i.key))) expect(stored.some((s) => s.area === item.area && itemFor(s.area, s.key) === item), keyOf(item, item.family ? '…' : undefined)).toBe(true);
  });

  it.each(stored.map((s) => ({ ...s, name: `${s.area}:${s.key}` })))('$name reads through the registry, unchanged in meaning', ({ area, key, value }) => {
    const item = itemFor(area, key);
    expect(item, `${area}:${key} is not registered`).toBeDefined();
    const read = parseStored(item!, key, structuredClone(value));
    // Session items never outlive an update (the browser clears storage.session); local ones keep every field.
    if (area === 'local') expect(JSON.parse(JSON.stringify(read))).toEqual(key === VAULT_ITEM.key ? parseVaultFile(value) : value);
    else expect(read).toBeTruthy();
  });

  it('unlock and a first change: the vault becomes version 2, same password, same accounts; backup state kept and the change queued', async () => {
    const ports = createFakePorts();
    ports.local.load(fixture.local);
    const before = fixture.local['cloud-backup'] as SyncState;
    await sendOk(ports, 'vault.unlock', { password: VAULT_PASSWORD });
    const { contents } = await unlockVault(fixture.local.vault, VAULT_PASSWORD);
    await sendOk(ports, 'settings.update', { autoLockMinutes: 30 });

    const vault = parseVaultFile(ports.local.peek('vault'));
    expect(vault.version).toBe(2);
    const reopened = await unlockVault(vault, VAULT_PASSWORD);
    expect(reopened.contents.accounts).toEqual(contents.accounts);
    expect(reopened.contents.settings.autoLockMinutes).toBe(30);
    const state = parseStored(SYNC_STATE_ITEM, 'cloud-backup', ports.local.peek('cloud-backup'));
    expect(state).toMatchObject({ enabled: true, account: before.account, remote: before.remote, revision: before.revision + 1 });
    expect(state.outbox?.revision).toBe(before.revision + 1);
    expect(ports.local.peek('scan-settings')).toEqual(fixture.local['scan-settings']);
  });
});

describe('a stored value that does not parse', () => {
  it.each([
    { key: 'cloud-backup', value: { enabled: 'yes' }, request: 'cloud.status', code: 'stored-data-unreadable' },
    { key: 'scan-settings', value: { autoDetect: 'sometimes' }, request: 'scan.auto-detect.get', code: 'stored-data-unreadable' },
    { key: 'vault', value: { format: 'hikae-vault', version: 2, keyId: 'x' }, request: 'vault.status', code: 'vault-damaged' },
    { key: 'vault', value: { format: 'hikae-vault', version: 3 }, request: 'vault.status', code: 'vault-unsupported-version' },
  ] as const)('$key → a typed failure ($code), and the data stays as it was', async ({ key, value, request, code }) => {
    const ports = createFakePorts();
    ports.local.load({ [key]: value });
    expectFailure(await send(ports, request, {}), code);
    expect(ports.local.peek(key)).toEqual(value);
    expect(ports.local.writes).toBe(0);
  });
});

describe('lock', () => {
  it('clears every item marked until-lock — scan records with their otpauth:// texts included — and nothing else', async () => {
    const ports = createFakePorts();
    await sendOk(ports, 'vault.create', { password: 'a long enough password' });
    ports.session.load({ ...ports.session.dump(), ...Object.fromEntries(Object.entries(fixture.session).filter(([k]) => k !== 'unlocked')), 'not-ours': 1 });
    ports.local.load({ ...ports.local.dump(), 'scan-settings': { autoDetect: true } });
    const local = ports.local.dump();
    await sendOk(ports, 'vault.lock', {});
    expect(Object.keys(ports.session.dump())).toEqual(['not-ours']);
    expect(ports.local.dump()).toEqual(local);
  });

  it('an auto-lock clears them the same way', async () => {
    const ports = createFakePorts();
    await sendOk(ports, 'vault.create', { password: 'a long enough password' });
    ports.session.load({ ...ports.session.dump(), 'scan:tab:3': fixture.session['scan:tab:7'] });
    ports.advance(16 * 60_000);
    expect((await sendOk(ports, 'vault.status', {})).state).toBe('locked');
    expect(ports.session.dump()).toEqual({});
  });
});
