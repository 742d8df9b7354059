import { describe, expect, it } from 'vitest';
import { UNDO_WINDOW_MS } from '../../../../lib/background/accounts/undo-store';
import type { Payload } from '../../../../lib/messaging/protocol';
import { generateCode } from '../../../../lib/otp/code';
import { countWrites, type FakePorts } from '../fake-ports';
import { draftFor, PASSWORD, secretFor, send, sendOk, storedContents, useSharedVault, expectRefusedWithoutWrite } from '../harness';

// Three accounts (Issuer 1…3, user1…3@example.com) in a vault made once.
const vault = useSharedVault(async (ports) => {
  const ids: string[] = [];
  for (const n of [1, 2, 3]) ids.push((await sendOk(ports, 'accounts.add', { draft: draftFor(n) })).id);
  return ids;
});

const stored = (ports: FakePorts) => storedContents(ports, vault.masterKey);
const storedIds = async (ports: FakePorts) => (await stored(ports)).accounts.map((a) => a.id);

describe('accounts.add', () => {
  it('adds a draft at the end, in one write, and answers a view without the secret', async () => {
    const { ports } = vault;
    ports.advance(1234);
    const { result, local } = await countWrites(ports, () =>
      send(ports, 'accounts.add', { draft: { issuer: ' ACME ', accountName: 'me@acme.test', secret: secretFor(10).toLowerCase().replace(/(.{4})/g, '$1 ') } }),
    );
    expect(local).toBe(1);
    if (!result.ok) expect.fail(JSON.stringify(result.error));
    const view = result.value;
    expect(view).not.toHaveProperty('secret');
    expect(view).toMatchObject({
      issuer: 'ACME',
      accountName: 'me@acme.test',
      type: 'totp',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
      createdAt: ports.now(),
      modifiedAt: ports.now(),
    });
    const contents = await stored(ports);
    expect(contents.accounts.map((a) => a.id)).toEqual([...vault.ids, view.id]);
    // Stored canonical: upper case, no spaces.
    expect(contents.accounts.at(-1)).toEqual({ ...view, secret: secretFor(10) });
  });

  it('adds from an otpauth:// link with every parameter', async () => {
    const { ports } = vault;
    const secret = secretFor(11);
    const uri = `otpauth://totp/ACME%20Co:john%40example.com?secret=${secret}&issuer=ACME+Co&algorithm=SHA256&digits=8&period=60`;
    const view = await sendOk(ports, 'accounts.add', { uri });
    expect(view).toMatchObject({ issuer: 'ACME Co', accountName: 'john@example.com', type: 'totp', algorithm: 'SHA256', digits: 8, period: 60 });
    const saved = (await stored(ports)).accounts.find((a) => a.id === view.id);
    expect(saved?.secret).toBe(secret);
  });

  it('adds an HOTP link with its counter', async () => {
    const { ports } = vault;
    const view = await sendOk(ports, 'accounts.add', { uri: `otpauth://hotp/Bank:me?secret=${secretFor(12)}&counter=41` });
    expect(view).toMatchObject({ type: 'hotp', counter: 41, issuer: 'Bank', accountName: 'me' });
  });

  it.each([
    ['no name at all', { issuer: '', accountName: '  ' }, 'accountName', 'required'],
    ['no secret', { secret: undefined }, 'secret', 'required'],
    ['an empty secret', { secret: '   ' }, 'secret', 'required'],
    ['a secret with a non-base32 letter', { secret: 'JBSWY3DPEHPK3PX1' }, 'secret', 'invalid-base32'],
    ['a secret of impossible length', { secret: 'JBSWY3DPE' }, 'secret', 'invalid-base32'],
    ['a secret that is not a string', { secret: 12345 }, 'secret', 'required'],
    ['an issuer over 256 characters', { issuer: 'x'.repeat(257) }, 'issuer', 'too-long'],
    ['a name with a control character', { accountName: 'a\u0007b' }, 'accountName', 'control-characters'],
    ['a name with a line separator', { accountName: 'a\u2028b' }, 'accountName', 'control-characters'],
    ['an unknown type', { type: 'motp' }, 'type', 'unsupported'],
    ['an unknown algorithm', { algorithm: 'MD5' }, 'algorithm', 'unsupported'],
    ['5 digits on TOTP', { digits: 5 }, 'digits', 'out-of-range'],
    ['11 digits', { digits: 11 }, 'digits', 'out-of-range'],
    ['fractional digits', { digits: 6.5 }, 'digits', 'not-an-integer'],
    ['digits as text', { digits: '6' }, 'digits', 'not-an-integer'],
    ['a zero period', { period: 0 }, 'period', 'out-of-range'],
    ['a period over an hour', { period: 3601 }, 'period', 'out-of-range'],
    ['a negative HOTP counter', { type: 'hotp', counter: -1 }, 'counter', 'out-of-range'],
    ['6 digits on Steam', { type: 'steam', digits: 6 }, 'digits', 'out-of-range'],
  ])('refuses a draft with %s: invalid-account naming the field, nothing written', async (_label, overrides, field, reason) => {
    const failure = await expectRefusedWithoutWrite(vault.ports, 'accounts.add', { draft: draftFor(20, overrides) }, 'invalid-account');
    expect({ field: failure.field, problem: failure.problem }).toEqual({ field, problem: reason });
  });

  it.each([
    ['a web address', 'https://example.com/?secret=JBSWY3DPEHPK3PXP', 'uri', 'not-otpauth'],
    ['an otpauth link with no label part', 'otpauth://totp?secret=JBSWY3DPEHPK3PXP', 'uri', 'malformed'],
    ['a link without a secret', 'otpauth://totp/ACME:me?issuer=ACME', 'secret', 'required'],
    ['an HOTP link without a counter', 'otpauth://hotp/ACME:me?secret=JBSWY3DPEHPK3PXP', 'counter', 'required'],
    ['an unknown type', 'otpauth://motp/ACME:me?secret=JBSWY3DPEHPK3PXP', 'type', 'unsupported'],
    ['a broken percent-encoding', 'otpauth://totp/ACME:%E0%A4%A?secret=JBSWY3DPEHPK3PXP', 'accountName', 'malformed'],
    ['digits that are not a number', 'otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXP&digits=six', 'digits', 'not-an-integer'],
    ['a repeated secret', 'otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXP&secret=JBSWY3DPEHPK3PXP', 'secret', 'malformed'],
    ['an invalid secret', 'otpauth://totp/ACME:me?secret=NOT-BASE32!', 'secret', 'invalid-base32'],
  ])('refuses %s: invalid-account naming the field, nothing written', async (_label, uri, field, reason) => {
    const failure = await expectRefusedWithoutWrite(vault.ports, 'accounts.add', { uri }, 'invalid-account');
    expect({ field: failure.field, problem: failure.problem }).toEqual({ field, problem: reason });
  });

  it.each([
    ['an unknown draft field', { draft: { ...draftFor(21), colour: 'red' } }],
    ['both a draft and a link', { draft: draftFor(21), uri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP' }],
    ['neither', {}],
    ['a link longer than 1024 characters', { uri: `otpauth://totp/x?secret=${'A'.repeat(1024)}` }],
  ])('refuses a payload with %s as bad-request', async (_label, payload) => {
    await expectRefusedWithoutWrite(vault.ports, 'accounts.add', payload as Payload<'accounts.add'>, 'bad-request');
  });

  describe('duplicates', () => {
    it.each([
      ['the same issuer and name', { issuer: 'Issuer 1', accountName: 'user1@example.com' }, 'same-issuer-and-name'],
      ['the same issuer and name in another case', { issuer: 'ISSUER 1', accountName: 'User1@Example.COM' }, 'same-issuer-and-name'],
      ['the same issuer and name in full-width letters', { issuer: 'Ｉｓｓｕｅｒ １', accountName: 'user1@example.com' }, 'same-issuer-and-name'],
      ['the same issuer and name with spaces around', { issuer: '  Issuer 1 ', accountName: ' user1@example.com' }, 'same-issuer-and-name'],
    ])('refuses %s (with another secret)', async (_label, names, reason) => {
      const failure = await expectRefusedWithoutWrite(vault.ports, 'accounts.add', { draft: draftFor(40, names) }, 'duplicate-account');
      expect(failure.reason).toBe(reason);
    });

    it('refuses the same secret under another name, however it is typed', async () => {
      const typed = secretFor(2).toLowerCase().replace(/(.{4})/g, '$1-');
      const failure = await expectRefusedWithoutWrite(
        vault.ports,
        'accounts.add',
        { draft: { issuer: 'Other', accountName: 'other', secret: typed } },
        'duplicate-account',
      );
      expect(failure.reason).toBe('same-secret');
    });

    it('refuses a duplicate given as a link', async () => {
      const failure = await expectRefusedWithoutWrite(
        vault.ports,
        'accounts.add',
        { uri: `otpauth://totp/Issuer%203:user3%40example.com?secret=${secretFor(41)}` },
        'duplicate-account',
      );
      expect(failure.reason).toBe('same-issuer-and-name');
    });

    it('adds the same issuer and name when the user chose to (sameNameAllowed), still not the same secret', async () => {
      const failure = await expectRefusedWithoutWrite(vault.ports, 'accounts.add', { draft: draftFor(1, { secret: secretFor(1) }), sameNameAllowed: true }, 'duplicate-account');
      expect({ reason: failure.reason, existing: failure.existing }).toEqual({ reason: 'same-secret', existing: 'Issuer 1: user1@example.com' });
      await sendOk(vault.ports, 'accounts.add', { draft: draftFor(43, { issuer: 'Issuer 1', accountName: 'user1@example.com' }), sameNameAllowed: true });
      expect(await storedIds(vault.ports)).toHaveLength(4);
    });

    it('accepts the same name under another issuer', async () => {
      await sendOk(vault.ports, 'accounts.add', { draft: draftFor(42, { issuer: 'Issuer 1 (work)', accountName: 'user1@example.com' }) });
      expect(await storedIds(vault.ports)).toHaveLength(4);
    });
  });
});

describe('accounts.parse-uri', () => {
  it('answers what the link holds without the secret, and writes nothing', async () => {
    const { ports } = vault;
    const { result, local } = await countWrites(ports, () =>
      send(ports, 'accounts.parse-uri', { uri: `otpauth://totp/Shop:me?secret=${secretFor(13)}&digits=8` }),
    );
    if (!result.ok) expect.fail(JSON.stringify(result.error));
    expect(result.value).not.toHaveProperty('secret');
    expect(result.value).toMatchObject({ issuer: 'Shop', accountName: 'me', digits: 8 });
    expect(local).toBe(0);
  });
});

describe('accounts.add with sites', () => {
  it('refuses a draft whose site is plain http: invalid-site, nothing written', async () => {
    const failure = await expectRefusedWithoutWrite(vault.ports, 'accounts.add', { draft: { ...draftFor(60), sites: ['http://bank.test'] } }, 'invalid-site');
    expect(failure.problem).toBe('insecure');
  });
});

describe('accounts.update', () => {
  it('renames in one write: modifiedAt moves, createdAt and the secret stay', async () => {
    const { ports } = vault;
    const [, id] = vault.ids as [string, string];
    const before = (await stored(ports)).accounts[1];
    ports.advance(5000);
    const { result, local } = await countWrites(ports, () =>
      send(ports, 'accounts.update', { id, edit: { issuer: ' Renamed ', accountName: 'new@example.com' } }),
    );
    expect(local).toBe(1);
    if (!result.ok) expect.fail(JSON.stringify(result.error));
    if (!before) return expect.fail('no account at index 1');
    const { secret: _secret, ...beforeView } = before;
    expect(result.value).toStrictEqual({ ...beforeView, issuer: 'Renamed', accountName: 'new@example.com', modifiedAt: ports.now() });
    expect(result.value.modifiedAt).not.toBe(before.modifiedAt);
    expect((await stored(ports)).accounts[1]).toEqual({ ...before, issuer: 'Renamed', accountName: 'new@example.com', modifiedAt: ports.now() });
  });

  it.each([true, false])('sets deviceBound to %s', async (deviceBound) => {
    const { ports } = vault;
    const id = vault.ids[0] as string;
    expect((await sendOk(ports, 'accounts.update', { id, edit: { deviceBound } })).deviceBound).toBe(deviceBound);
    expect((await stored(ports)).accounts[0]?.deviceBound).toBe(deviceBound);
  });

  it('accepts a change of case in its own name (not a duplicate of itself)', async () => {
    const { ports } = vault;
    const id = vault.ids[0] as string;
    expect(await sendOk(ports, 'accounts.update', { id, edit: { issuer: 'ISSUER 1' } })).toMatchObject({ issuer: 'ISSUER 1' });
  });

  it.each([
    ['both names empty', { issuer: '', accountName: ' ' }, 'accountName', 'required'],
    ['an issuer over 256 characters', { issuer: 'i'.repeat(300) }, 'issuer', 'too-long'],
    ['a control character', { accountName: 'tab\there' }, 'accountName', 'control-characters'],
  ])('refuses %s: invalid-account naming the field, nothing written', async (_label, edit, field, reason) => {
    const failure = await expectRefusedWithoutWrite(vault.ports, 'accounts.update', { id: vault.ids[0] as string, edit }, 'invalid-account');
    expect({ field: failure.field, problem: failure.problem }).toEqual({ field, problem: reason });
  });

  it('refuses the issuer and name of another account', async () => {
    const failure = await expectRefusedWithoutWrite(
      vault.ports,
      'accounts.update',
      { id: vault.ids[1] as string, edit: { issuer: 'issuer 1', accountName: 'USER1@example.com' } },
      'duplicate-account',
    );
    expect(failure.reason).toBe('same-issuer-and-name');
  });

  it('changes the secret and parameters in one write, validated like a new account; codes follow', async () => {
    const { ports } = vault;
    const id = vault.ids[0] as string;
    const before = (await stored(ports)).accounts[0];
    ports.advance(3000);
    const edit = { secret: 'jbsw y3dp ehpk 3pxp', algorithm: 'SHA256', digits: 8, period: 60 };
    const { result, local } = await countWrites(ports, () => send(ports, 'accounts.update', { id, edit }));
    expect(local).toBe(1);
    if (!result.ok) expect.fail(JSON.stringify(result.error));
    expect(result.value).not.toHaveProperty('secret');
    const after = (await stored(ports)).accounts[0];
    expect(after).toEqual({ ...before, secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA256', digits: 8, period: 60, modifiedAt: ports.now() });
    const code = (await sendOk(ports, 'codes.get', { ids: [id] }))[0];
    expect(code?.value).toBe(generateCode(after!, ports.now()).value);
    expect(code?.value).toHaveLength(8);
  });

  it.each([
    ['a secret that is not base32', { secret: 'JBSW0Y3D' }, 'secret', 'invalid-base32'],
    ['11 digits', { digits: 11 }, 'digits', 'out-of-range'],
    ['5 digits', { digits: 5 }, 'digits', 'out-of-range'],
    ['a period of 0', { period: 0 }, 'period', 'out-of-range'],
    ['a period that is not a number', { period: '30s' }, 'period', 'not-an-integer'],
    ['an unknown algorithm', { algorithm: 'MD5' }, 'algorithm', 'unsupported'],
  ])('refuses %s: invalid-account naming the field, nothing written', async (_label, edit, field, problem) => {
    const failure = await expectRefusedWithoutWrite(vault.ports, 'accounts.update', { id: vault.ids[0] as string, edit }, 'invalid-account');
    expect({ field: failure.field, problem: failure.problem }).toEqual({ field, problem });
  });

  it('edits one of two accounts kept under the same name (the name is not changed, so not a duplicate)', async () => {
    const { ports } = vault;
    const twin = await sendOk(ports, 'accounts.add', { draft: draftFor(44, { issuer: 'Issuer 1', accountName: 'user1@example.com' }), sameNameAllowed: true });
    expect(await sendOk(ports, 'accounts.update', { id: twin.id, edit: { issuer: 'Issuer 1', accountName: 'user1@example.com', digits: 8 } })).toMatchObject({ digits: 8 });
    await expectRefusedWithoutWrite(ports, 'accounts.update', { id: vault.ids[1] as string, edit: { issuer: 'Issuer 1', accountName: 'user1@example.com' } }, 'duplicate-account');
  });

  it("refuses another account's secret, naming that account", async () => {
    const failure = await expectRefusedWithoutWrite(vault.ports, 'accounts.update', { id: vault.ids[0] as string, edit: { secret: secretFor(2) } }, 'duplicate-account');
    expect({ reason: failure.reason, existing: failure.existing }).toEqual({ reason: 'same-secret', existing: 'Issuer 2: user2@example.com' });
  });

  it.each<[string, object]>([
    ['an issuer that is not text', { issuer: 5 }],
    ['deviceBound that is not a boolean', { deviceBound: 'yes' }],
  ])('refuses an edit of %s as bad-request', async (_label, edit) => {
    await expectRefusedWithoutWrite(vault.ports, 'accounts.update', { id: vault.ids[0] as string, edit }, 'bad-request');
  });

  it('saves sites normalised, in one write stamped like any edit; names untouched', async () => {
    const { ports } = vault;
    const id = vault.ids[2] as string;
    const before = (await stored(ports)).accounts[2];
    ports.advance(7000);
    const { result, local } = await countWrites(ports, () =>
      send(ports, 'accounts.update', { id, edit: { sites: ['https://Login.Acme.test/x', 'acme.test', 'alice.github.io'] } }),
    );
    expect(local).toBe(1);
    if (!result.ok) return expect.fail(JSON.stringify(result.error));
    expect(result.value).toMatchObject({ issuer: before?.issuer, accountName: before?.accountName, sites: ['acme.test', 'alice.github.io'], modifiedAt: ports.now() });
    expect(result.value).not.toHaveProperty('siteMatch');
    expect((await stored(ports)).accounts[2]).toEqual({ ...before, sites: ['acme.test', 'alice.github.io'], modifiedAt: ports.now() });
  });

  it('switches to exact origin (entries converted), back, and clears the list', async () => {
    const { ports } = vault;
    const id = vault.ids[2] as string;
    await sendOk(ports, 'accounts.update', { id, edit: { sites: ['acme.test'] } });
    expect(await sendOk(ports, 'accounts.update', { id, edit: { siteMatch: 'origin' } })).toMatchObject({ sites: ['https://acme.test'], siteMatch: 'origin' });
    const back = await sendOk(ports, 'accounts.update', { id, edit: { siteMatch: 'domain' } });
    expect(back.sites).toEqual(['acme.test']);
    expect(back).not.toHaveProperty('siteMatch');
    const cleared = await sendOk(ports, 'accounts.update', { id, edit: { sites: [] } });
    expect(cleared).not.toHaveProperty('sites');
    expect((await stored(ports)).accounts[2]).not.toHaveProperty('sites');
  });

  it('a rename keeps the sites exactly as stored', async () => {
    const { ports } = vault;
    const id = vault.ids[2] as string;
    await sendOk(ports, 'accounts.update', { id, edit: { sites: ['https://sso.acme.test'], siteMatch: 'origin' } });
    expect(await sendOk(ports, 'accounts.update', { id, edit: { accountName: 'renamed@acme.test' } })).toMatchObject({ sites: ['https://sso.acme.test'], siteMatch: 'origin' });
  });

  it.each([
    ['plain http', ['http://acme.test'], 'insecure', 'http://acme.test'],
    ['a public suffix', ['ok.test', 'github.io'], 'public-suffix', 'github.io'],
    ['not a web address', ['javascript:alert(1)'], 'not-web', 'javascript:alert(1)'],
    ['more than 32 sites', Array.from({ length: 33 }, (_, i) => `s${i}.test`), 'too-many', ''],
  ])('refuses %s: invalid-site naming the problem and the entry, nothing written', async (_label, sites, problem, input) => {
    const failure = await expectRefusedWithoutWrite(vault.ports, 'accounts.update', { id: vault.ids[0] as string, edit: { sites } }, 'invalid-site');
    expect({ problem: failure.problem, input: failure.input }).toEqual({ problem, input });
  });

  it('refuses a site list that is not a list of text as bad-request', async () => {
    const edit = { sites: 'github.com' } as unknown as { sites: string[] };
    await expectRefusedWithoutWrite(vault.ports, 'accounts.update', { id: vault.ids[0] as string, edit }, 'bad-request');
  });

  it('answers not-found for an unknown id', async () => {
    await expectRefusedWithoutWrite(vault.ports, 'accounts.update', { id: 'no-such-id', edit: { issuer: 'x' } }, 'not-found');
  });
});

describe('accounts.delete and accounts.undo-delete', () => {
  it.each([0, 1, 2])('deletes the account at index %i with a tombstone, and undo puts it back at the same index', async (index) => {
    const { ports } = vault;
    const id = vault.ids[index] as string;
    const original = (await stored(ports)).accounts[index];
    ports.advance(1000);
    const deletion = await countWrites(ports, () => send(ports, 'accounts.delete', { id }));
    expect(deletion.result).toEqual({ ok: true, value: null });
    expect(deletion.local).toBe(1);
    const afterDelete = await stored(ports);
    expect(afterDelete.accounts.map((a) => a.id)).toEqual(vault.ids.filter((x) => x !== id));
    expect(afterDelete.tombstones).toEqual([{ id, deletedAt: ports.now() }]);

    ports.advance(1000);
    const undo = await countWrites(ports, () => send(ports, 'accounts.undo-delete', { id }));
    expect(undo.local).toBe(1);
    if (!undo.result.ok) expect.fail(JSON.stringify(undo.result.error));
    expect(undo.result.value).toMatchObject({ id, issuer: original?.issuer, modifiedAt: ports.now() });
    const afterUndo = await stored(ports);
    expect(afterUndo.accounts.map((a) => a.id)).toEqual(vault.ids);
    expect(afterUndo.accounts[index]).toEqual({ ...original, modifiedAt: ports.now() });
    expect(afterUndo.tombstones).toEqual([]);
  });

  it('undoes two deletions, latest first, back to the original order', async () => {
    const { ports } = vault;
    const [a, , c] = vault.ids as [string, string, string];
    await sendOk(ports, 'accounts.delete', { id: a });
    await sendOk(ports, 'accounts.delete', { id: c });
    await sendOk(ports, 'accounts.undo-delete', { id: c });
    await sendOk(ports, 'accounts.undo-delete', { id: a });
    expect(await storedIds(ports)).toEqual(vault.ids);
    expect((await stored(ports)).tombstones).toEqual([]);
  });

  it('undoes a deletion only once', async () => {
    const { ports } = vault;
    const id = vault.ids[0] as string;
    await sendOk(ports, 'accounts.delete', { id });
    await sendOk(ports, 'accounts.undo-delete', { id });
    await expectRefusedWithoutWrite(ports, 'accounts.undo-delete', { id }, 'not-found');
  });

  it('answers not-found for an unknown id, to delete or to undo', async () => {
    await expectRefusedWithoutWrite(vault.ports, 'accounts.delete', { id: 'no-such-id' }, 'not-found');
    await expectRefusedWithoutWrite(vault.ports, 'accounts.undo-delete', { id: 'no-such-id' }, 'not-found');
  });

  it('cannot undo once the undo window has passed', async () => {
    const { ports } = vault;
    const id = vault.ids[0] as string;
    await sendOk(ports, 'accounts.delete', { id });
    // Under the 15-minute auto-lock, so the vault is still open.
    ports.advance(UNDO_WINDOW_MS);
    expect((await send(ports, 'accounts.undo-delete', { id })).ok).toBe(false);
    expect(await storedIds(ports)).not.toContain(id);
  });

  it('cannot undo after a lock, not even once unlocked again', async () => {
    const { ports } = vault;
    const id = vault.ids[1] as string;
    await sendOk(ports, 'accounts.delete', { id });
    await sendOk(ports, 'vault.lock', {});
    // Recently deleted accounts (with their secrets) are gone from the session storage.
    expect(JSON.stringify(ports.session.dump())).not.toContain(secretFor(2));
    expect((await send(ports, 'accounts.undo-delete', { id })).ok).toBe(false);

    await sendOk(ports, 'vault.unlock', { password: PASSWORD });
    expect((await send(ports, 'accounts.undo-delete', { id })).ok).toBe(false);
    const contents = await stored(ports);
    expect(contents.accounts.map((a) => a.id)).not.toContain(id);
    expect(contents.tombstones.map((t) => t.id)).toEqual([id]);
  });
});

describe('accounts.reorder', () => {
  it('puts the accounts in the given order in one write and records when', async () => {
    const { ports } = vault;
    const [a, b, c] = vault.ids as [string, string, string];
    ports.advance(777);
    const { result, local } = await countWrites(ports, () => send(ports, 'accounts.reorder', { ids: [c, a, b] }));
    expect(result).toEqual({ ok: true, value: null });
    expect(local).toBe(1);
    const contents = await stored(ports);
    expect(contents.accounts.map((x) => x.id)).toEqual([c, a, b]);
    expect(contents.orderModifiedAt).toBe(ports.now());
    expect((await sendOk(ports, 'vault.snapshot', {})).accounts.map((x) => x.id)).toEqual([c, a, b]);
  });

  it.each([
    ['only the last one listed', [2], [2, 0, 1]],
    ['the last two listed, reversed', [2, 1], [2, 1, 0]],
    ['nothing listed', [], [0, 1, 2]],
    ['an id listed twice', [2, 2, 0], [2, 0, 1]],
  ])('keeps unlisted accounts in their relative order after the listed ones (%s)', async (_label, listed, expected) => {
    const { ports } = vault;
    await sendOk(ports, 'accounts.reorder', { ids: listed.map((i) => vault.ids[i] as string) });
    expect(await storedIds(ports)).toEqual(expected.map((i) => vault.ids[i]));
  });

  it('refuses an unknown id with not-found and changes nothing', async () => {
    const [a, b, c] = vault.ids as [string, string, string];
    const failure = await expectRefusedWithoutWrite(vault.ports, 'accounts.reorder', { ids: [c, 'ghost', a, b] }, 'not-found');
    expect(failure.message).toContain('ghost');
  });

  it.each([
    ['an empty id', { ids: [''] }],
    ['ids that are not a list', { ids: 'a,b' }],
  ])('refuses %s as bad-request', async (_label, payload) => {
    await expectRefusedWithoutWrite(vault.ports, 'accounts.reorder', payload as Payload<'accounts.reorder'>, 'bad-request');
  });
});

describe('accounts.next-hotp', () => {
  it('moves the counter on by one, persisted in one write each time, and answers the new code', async () => {
    const { ports } = vault;
    const { id } = await sendOk(ports, 'accounts.add', { draft: draftFor(50, { type: 'hotp', counter: 5, digits: 8, algorithm: 'SHA256' }) });
    for (const expected of [6, 7]) {
      ports.advance(3000);
      const { result, local } = await countWrites(ports, () => send(ports, 'accounts.next-hotp', { id }));
      expect(local).toBe(1);
      const saved = (await stored(ports)).accounts.find((a) => a.id === id);
      expect(saved).toMatchObject({ counter: expected, modifiedAt: ports.now() });
      if (!saved) return;
      expect(result).toEqual({ ok: true, value: { id, ...generateCode(saved, ports.now()) } });
      if (result.ok) expect(result.value.validUntilMs).toBeNull();
    }
  });

  it('refuses a TOTP account with bad-request', async () => {
    await expectRefusedWithoutWrite(vault.ports, 'accounts.next-hotp', { id: vault.ids[0] as string }, 'bad-request');
  });

  it('answers not-found for an unknown id', async () => {
    await expectRefusedWithoutWrite(vault.ports, 'accounts.next-hotp', { id: 'no-such-id' }, 'not-found');
  });
});

describe('every change is one write to local; reads write nothing', () => {
  const changes: [string, (ports: FakePorts, ids: readonly string[]) => Promise<unknown>][] = [
    ['accounts.add (draft)', (p) => sendOk(p, 'accounts.add', { draft: draftFor(70) })],
    ['accounts.add (link)', (p) => sendOk(p, 'accounts.add', { uri: `otpauth://totp/X:y?secret=${secretFor(71)}` })],
    ['accounts.update', (p, ids) => sendOk(p, 'accounts.update', { id: ids[0] as string, edit: { issuer: 'Z' } })],
    ['accounts.delete', (p, ids) => sendOk(p, 'accounts.delete', { id: ids[0] as string })],
    ['accounts.reorder', (p, ids) => sendOk(p, 'accounts.reorder', { ids: [...ids].reverse() })],
    ['settings.update', (p) => sendOk(p, 'settings.update', { autoLockMinutes: 3 })],
  ];
  it.each(changes)('%s', async (_label, change) => {
    const { ports } = vault;
    expect((await countWrites(ports, () => change(ports, vault.ids))).local).toBe(1);
  });

  it('accounts.undo-delete', async () => {
    const { ports } = vault;
    const id = vault.ids[2] as string;
    await sendOk(ports, 'accounts.delete', { id });
    expect((await countWrites(ports, () => sendOk(ports, 'accounts.undo-delete', { id }))).local).toBe(1);
  });

  const reads: [string, (ports: FakePorts) => Promise<unknown>][] = [
    ['vault.status', (p) => sendOk(p, 'vault.status', {})],
    ['vault.snapshot', (p) => sendOk(p, 'vault.snapshot', {})],
    ['codes.get', (p) => sendOk(p, 'codes.get', {})],
    ['settings.get', (p) => sendOk(p, 'settings.get', {})],
    ['accounts.parse-uri', (p) => sendOk(p, 'accounts.parse-uri', { uri: `otpauth://totp/X:y?secret=${secretFor(72)}` })],
    ['vault.lock', (p) => sendOk(p, 'vault.lock', {})],
  ];
  it.each(reads)('%s writes nothing to local', async (_label, read) => {
    const { ports } = vault;
    expect((await countWrites(ports, () => read(ports))).local).toBe(0);
  });
});

describe('concurrency', () => {
  it('keeps all of 20 simultaneous additions (no lost update)', async () => {
    const { ports } = vault;
    const numbers = Array.from({ length: 20 }, (_, i) => 100 + i);
    const { result, local } = await countWrites(ports, () =>
      Promise.all(numbers.map((n) => send(ports, 'accounts.add', { draft: draftFor(n) }))),
    );
    expect(result.map((r) => r.ok)).toEqual(numbers.map(() => true));
    expect(local).toBe(20);
    const contents = await stored(ports);
    expect(contents.accounts).toHaveLength(vault.ids.length + 20);
    expect(new Set(contents.accounts.map((a) => a.secret))).toEqual(new Set([...vault.ids.map((_, i) => secretFor(i + 1)), ...numbers.map(secretFor)]));
  });

  it('keeps simultaneous additions, edits and deletions of different accounts', async () => {
    const { ports } = vault;
    const [a, b, c] = vault.ids as [string, string, string];
    const answers = await Promise.all([
      send(ports, 'accounts.add', { draft: draftFor(200) }),
      send(ports, 'accounts.update', { id: a, edit: { issuer: 'Edited' } }),
      send(ports, 'accounts.delete', { id: b }),
      send(ports, 'accounts.add', { draft: draftFor(201) }),
      send(ports, 'accounts.reorder', { ids: [c, a] }),
    ]);
    expect(answers.map((r) => r.ok)).toEqual([true, true, true, true, true]);
    const contents = await stored(ports);
    expect(contents.accounts.map((x) => x.secret).sort()).toEqual([secretFor(1), secretFor(3), secretFor(200), secretFor(201)].sort());
    expect(contents.accounts.find((x) => x.id === a)?.issuer).toBe('Edited');
    expect(contents.tombstones.map((t) => t.id)).toEqual([b]);
  });

  it('refuses the second of two simultaneous identical additions as a duplicate', async () => {
    const { ports } = vault;
    const draft = draftFor(300);
    const answers = await Promise.all([send(ports, 'accounts.add', { draft }), send(ports, 'accounts.add', { draft })]);
    expect(answers.filter((r) => r.ok)).toHaveLength(1);
    expect(answers.filter((r) => !r.ok).map((r) => (r.ok ? null : r.error.code))).toEqual(['duplicate-account']);
  });
});

