import { describe, expect, it } from 'vitest';
import { generateCode } from '../../../../lib/otp/code';
import { countWrites } from '../fake-ports';
import { addAccounts, draftFor, expectFailure, send, sendOk, storedContents, useSharedVault } from '../harness';

// One account of each kind: TOTP, Steam, HOTP and an 8-digit SHA512 TOTP with a 60 s period.
const vault = useSharedVault(async (ports) => {
  const ids = await addAccounts(ports, [1]);
  ids.push((await sendOk(ports, 'accounts.add', { draft: draftFor(2, { type: 'steam' }) })).id);
  ids.push((await sendOk(ports, 'accounts.add', { draft: draftFor(3, { type: 'hotp', counter: 9 }) })).id);
  ids.push((await sendOk(ports, 'accounts.add', { draft: draftFor(4, { digits: 8, period: 60, algorithm: 'SHA512' }) })).id);
  return ids;
});

describe('codes.get', () => {
  it('answers every code, in the user\'s order, as generateCode computes it at the background\'s own clock', async () => {
    const { ports } = vault;
    ports.advance(17_345);
    const { result, local } = await countWrites(ports, () => send(ports, 'codes.get', {}));
    expect(local).toBe(0);
    const { accounts } = await storedContents(ports, vault.masterKey);
    expect(accounts.map((a) => a.id)).toEqual(vault.ids);
    expect(result).toEqual({ ok: true, value: accounts.map((a) => ({ id: a.id, ...generateCode(a, ports.now()) })) });
  });

  it('gives the same codes in vault.snapshot', async () => {
    const { ports } = vault;
    ports.advance(61_234);
    const snapshot = await sendOk(ports, 'vault.snapshot', {});
    expect(snapshot.codes).toEqual(await sendOk(ports, 'codes.get', {}));
  });

  // A page choosing the time would get future codes (thousands a second): time comes from the ports only.
  it.each([
    ['codes.get', Date.UTC(2031, 5, 1)],
    ['vault.snapshot', Date.UTC(2031, 5, 1)],
    ['codes.get', Number.POSITIVE_INFINITY],
    ['codes.get', Number.NaN],
  ] as const)('%s with a time from the page (%s) is refused as bad-request', async (type, nowMs) => {
    expectFailure(await send(vault.ports, type, { nowMs } as never), 'bad-request');
  });

  it.each([
    ['one account', (ids: readonly string[]) => [ids[2]!], [2]],
    ['two, in the user\'s order whatever the asked order', (ids: readonly string[]) => [ids[3]!, ids[0]!], [0, 3]],
    ['none', () => [], []],
    ['an unknown id (deleted meanwhile) is skipped', (ids: readonly string[]) => ['no-such-id', ids[1]!], [1]],
  ] as const)('with ids answers only those accounts\' codes: %s', async (_name, pick, expected) => {
    const { ports } = vault;
    const all = await sendOk(ports, 'codes.get', {});
    expect((await sendOk(ports, 'codes.get', { ids: pick(vault.ids) })).map((c) => c.id)).toEqual(expected.map((i) => all[i]!.id));
  });

  it.each([
    ['the first two', 2, 2],
    ['more than there are', 9, 4],
  ] as const)('vault.snapshot with first: %s, their codes only, and the whole count', async (_name, first, shown) => {
    const { ports } = vault;
    const snapshot = await sendOk(ports, 'vault.snapshot', { first });
    expect(snapshot.accounts.map((a) => a.id)).toEqual(vault.ids.slice(0, shown));
    expect(snapshot.codes.map((c) => c.id)).toEqual(vault.ids.slice(0, shown));
    expect(snapshot.accountCount).toBe(4);
  });

  it.each([
    ['codes.get', { ids: Array.from({ length: 10_001 }, (_, i) => `id-${i}`) }],
    ['codes.get', { ids: [''] }],
    ['vault.snapshot', { first: 0 }],
    ['vault.snapshot', { first: 1.5 }],
  ] as const)('%s refuses %j as bad-request (bounded work)', async (type, payload) => {
    expectFailure(await send(vault.ports, type, payload as never), 'bad-request');
  });

  it('answers locked while locked', async () => {
    const { ports } = vault;
    await sendOk(ports, 'vault.lock', {});
    expectFailure(await send(ports, 'codes.get', {}), 'locked');
  });
});
