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
  it.each([
    ['the injected clock', undefined],
    ['the time in the request', Date.UTC(2031, 5, 1, 8, 30, 17, 250)],
  ])('answers every code, in the user\'s order, as generateCode computes it at %s', async (_label, nowMs) => {
    const { ports } = vault;
    ports.advance(17_345);
    const at = nowMs ?? ports.now();
    const { result, local } = await countWrites(ports, () => send(ports, 'codes.get', nowMs === undefined ? {} : { nowMs }));
    expect(local).toBe(0);
    const { accounts } = await storedContents(ports, vault.masterKey);
    expect(accounts.map((a) => a.id)).toEqual(vault.ids);
    expect(result).toEqual({ ok: true, value: accounts.map((a) => ({ id: a.id, ...generateCode(a, at) })) });
  });

  it('gives the same codes in vault.snapshot', async () => {
    const { ports } = vault;
    const nowMs = Date.UTC(2030, 0, 1);
    const snapshot = await sendOk(ports, 'vault.snapshot', { nowMs });
    expect(snapshot.codes).toEqual(await sendOk(ports, 'codes.get', { nowMs }));
  });

  it.each([Number.POSITIVE_INFINITY, Number.NaN])('refuses the time %s as bad-request', async (nowMs) => {
    expectFailure(await send(vault.ports, 'codes.get', { nowMs }), 'bad-request');
  });

  it('answers locked while locked', async () => {
    const { ports } = vault;
    await sendOk(ports, 'vault.lock', {});
    expectFailure(await send(ports, 'codes.get', {}), 'locked');
  });
});
