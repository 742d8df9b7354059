import { describe, expect, it } from 'vitest';
import { generateCode } from '../../../../lib/otp/code';
import { ACCOUNT_USAGE_ITEM, BACKUP_NUDGE_ITEM, POPUP_SETTINGS_ITEM } from '../../../../lib/storage';
import { addAccounts, draftFor, expectFailure, send, sendOk, storedContents, useSharedVault } from '../harness';

// Issuers 1…4 in the vault's (manual) order; `draftFor` names them "Issuer n".
const vault = useSharedVault((ports) => addAccounts(ports, [1, 2, 3, 4]));
const issuersOf = (snapshot: { accounts: { id: string }[] }) => snapshot.accounts.map((a) => vault.ids.indexOf(a.id) + 1);

describe('display.* and the ordered snapshot (docs/popup-display.md)', () => {
  it('answers the defaults before anything is stored, and keeps what is changed', async () => {
    const { ports } = vault;
    expect(await sendOk(ports, 'display.get', {})).toEqual({ hideCodes: false, sort: 'manual', pinned: [] });
    expect(await sendOk(ports, 'display.update', { hideCodes: true })).toEqual({ hideCodes: true, sort: 'manual', pinned: [] });
    expect(await sendOk(ports, 'display.update', { sort: 'alphabetical' })).toEqual({ hideCodes: true, sort: 'alphabetical', pinned: [] });
    expect(ports.local.peek(POPUP_SETTINGS_ITEM.key)).toEqual({ hideCodes: true, sort: 'alphabetical', pinned: [] });
  });

  it('pins put accounts first in the popup\'s snapshot; the options page keeps the manual order', async () => {
    const { ports } = vault;
    await sendOk(ports, 'display.pin', { id: vault.ids[2]!, pinned: true });
    await sendOk(ports, 'display.pin', { id: vault.ids[3]!, pinned: true });
    expect(issuersOf(await sendOk(ports, 'vault.snapshot', { ordered: true }))).toEqual([3, 4, 1, 2]);
    expect(issuersOf(await sendOk(ports, 'vault.snapshot', {}))).toEqual([1, 2, 3, 4]);
    const unpinned = await sendOk(ports, 'display.pin', { id: vault.ids[2]!, pinned: false });
    expect(unpinned.pinned).toEqual([vault.ids[3]]);
  });

  it('cuts the first few after ordering, with their codes and the display settings', async () => {
    const { ports } = vault;
    await sendOk(ports, 'display.pin', { id: vault.ids[3]!, pinned: true });
    const snapshot = await sendOk(ports, 'vault.snapshot', { ordered: true, first: 2 });
    expect(issuersOf(snapshot)).toEqual([4, 1]);
    expect(snapshot.codes.map((c) => c.id)).toEqual([vault.ids[3], vault.ids[0]]);
    expect(snapshot.accountCount).toBe(4);
    expect(snapshot.display).toEqual({ hideCodes: false, sort: 'manual', pinned: [vault.ids[3]] });
  });

  it('most used: copies and fills count; an unknown id counts nothing', async () => {
    const { ports } = vault;
    await sendOk(ports, 'display.update', { sort: 'most-used' });
    for (const n of [4, 2, 4]) await sendOk(ports, 'clipboard.copied', { text: '123456', id: vault.ids[n - 1]! });
    await sendOk(ports, 'clipboard.copied', { text: '123456', id: 'not-an-account' });
    expect(issuersOf(await sendOk(ports, 'vault.snapshot', { ordered: true }))).toEqual([4, 2, 1, 3]);
    expect(Object.keys((ports.local.peek(ACCOUNT_USAGE_ITEM.key) as { uses: object }).uses).sort()).toEqual([vault.ids[1], vault.ids[3]].sort());
  });

  it('refuses to pin an account that does not exist, and stores nothing', async () => {
    const { ports } = vault;
    expectFailure(await send(ports, 'display.pin', { id: 'nobody', pinned: true }), 'not-found');
    expect(ports.local.peek(POPUP_SETTINGS_ITEM.key)).toBeUndefined();
  });

  it('an unreadable stored preference: the popup still gets its codes (manual order), a change reports it and leaves it', async () => {
    const { ports } = vault;
    await ports.local.set(POPUP_SETTINGS_ITEM.key, { hideCodes: 'maybe' });
    const snapshot = await sendOk(ports, 'vault.snapshot', { ordered: true });
    expect(issuersOf(snapshot)).toEqual([1, 2, 3, 4]);
    expect(snapshot.codes).toHaveLength(4);
    expectFailure(await send(ports, 'display.update', { sort: 'alphabetical' }), 'stored-data-unreadable');
    expect(ports.local.peek(POPUP_SETTINGS_ITEM.key)).toEqual({ hideCodes: 'maybe' });
  });

  it('"Not now" on the backup suggestion is kept, and lapses once 3 more accounts are added', async () => {
    const { ports } = vault;
    expect(await sendOk(ports, 'backup-nudge.get', {})).toEqual({ snoozed: false });
    await sendOk(ports, 'backup-nudge.snooze', {});
    expect(ports.local.peek(BACKUP_NUDGE_ITEM.key)).toEqual({ snoozedAt: ports.now(), accountCount: 4 });
    await addAccounts(ports, [5, 6]);
    expect(await sendOk(ports, 'backup-nudge.get', {})).toEqual({ snoozed: true });
    await sendOk(ports, 'accounts.add', { draft: draftFor(7) });
    expect(await sendOk(ports, 'backup-nudge.get', {})).toEqual({ snoozed: false });
  });
});

describe('the next code (docs/popup-display.md, "Next code")', () => {
  it.each<[string, number, boolean]>([
    ['not before the last 10 s of a 30 s code', 19_999, false],
    ['in its last 10 s', 20_000, true],
  ])('%s', async (_name, intoPeriodMs, hasNext) => {
    const { ports } = vault;
    ports.setNow(Math.ceil(ports.now() / 30_000) * 30_000 + intoPeriodMs);
    const { accounts } = await storedContents(ports, vault.masterKey);
    const codes = await sendOk(ports, 'codes.get', {});
    for (const [i, code] of codes.entries()) {
      const current = generateCode(accounts[i]!, ports.now());
      expect(code).toEqual({ id: accounts[i]!.id, ...current, ...(hasNext ? { next: generateCode(accounts[i]!, current.validUntilMs!).value } : {}) });
    }
  });
});
