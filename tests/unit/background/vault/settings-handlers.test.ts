import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../lib/vault';
import { countWrites } from '../fake-ports';
import { expectFailure, send, sendOk, storedContents, useSharedVault } from '../harness';

const vault = useSharedVault();

describe('settings.get / settings.update', () => {
  it('gives the defaults of a new vault', async () => {
    expect(await sendOk(vault.ports, 'settings.get', {})).toEqual({ autoLockMinutes: DEFAULT_SETTINGS.autoLockMinutes, clipboardClearSeconds: 30 });
  });

  it.each([1, 30, 1440])('stores autoLockMinutes = %i in one write and applies it to the open session at once', async (minutes) => {
    const { ports } = vault;
    ports.advance(42_000);
    const { result, local } = await countWrites(ports, () => send(ports, 'settings.update', { autoLockMinutes: minutes }));
    expect(result).toEqual({ ok: true, value: { autoLockMinutes: minutes, clipboardClearSeconds: 30 } });
    expect(local).toBe(1);
    expect(await sendOk(ports, 'settings.get', {})).toEqual({ autoLockMinutes: minutes, clipboardClearSeconds: 30 });
    expect(await sendOk(ports, 'vault.status', {})).toEqual({ state: 'unlocked', autoLockMinutes: minutes, passwordCheck: 'unchecked' });
    expect(ports.scheduledLockAt).toBe(ports.now() + minutes * 60_000);
    const contents = await storedContents(ports, vault.masterKey);
    expect(contents.settings).toEqual({ ...DEFAULT_SETTINGS, autoLockMinutes: minutes });
    expect(contents.settingsModifiedAt).toBe(ports.now());
  });

  it('accepts an empty change and keeps the value', async () => {
    expect(await sendOk(vault.ports, 'settings.update', {})).toEqual({ autoLockMinutes: DEFAULT_SETTINGS.autoLockMinutes, clipboardClearSeconds: 30 });
  });

  it.each([
    ['0', 0],
    ['1441', 1441],
    ['-5', -5],
    ['1.5', 1.5],
    ['text', '15'],
    ['null', null],
    ['NaN', Number.NaN],
  ])('refuses autoLockMinutes = %s as bad-request and writes nothing', async (_label, autoLockMinutes) => {
    const { ports } = vault;
    const { result, local } = await countWrites(ports, () => send(ports, 'settings.update', { autoLockMinutes } as { autoLockMinutes: number }));
    expectFailure(result, 'bad-request');
    expect(local).toBe(0);
    expect(await sendOk(ports, 'settings.get', {})).toEqual({ autoLockMinutes: DEFAULT_SETTINGS.autoLockMinutes, clipboardClearSeconds: 30 });
  });

  it('refuses a setting the protocol does not offer', async () => {
    expectFailure(await send(vault.ports, 'settings.update', { theme: 'dark' } as never), 'bad-request');
  });

  it.each(['settings.get', 'settings.update'] as const)('answers %s with locked while locked', async (type) => {
    const { ports } = vault;
    await sendOk(ports, 'vault.lock', {});
    expectFailure(await send(ports, type, {}), 'locked');
  });
});
