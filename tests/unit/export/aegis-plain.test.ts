import { describe, expect, it } from 'vitest';
import { importFile } from '../../../lib/import';
import { toAegisPlainJson } from '../../../lib/export/aegis-plain';
import { plainAccounts } from '../import/fixtures';

describe('toAegisPlainJson', () => {
  const accounts = plainAccounts();
  const uuids = ['4a1f9c37-0d3e-4e4b-9f0a-111111111111', undefined, 'not-a-uuid'];
  const withIds = accounts.map((account, i) => ({ ...account, id: uuids[i] }));
  let counter = 0;
  const json = toAegisPlainJson(withIds, { newUuid: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}` });

  it('writes a plain vault in Aegis\'s layout: file version 1, null slots/params, content version 3', () => {
    const vault = JSON.parse(json) as { version: number; header: unknown; db: { version: number; groups: unknown[]; entries: Record<string, unknown>[] } };
    expect(vault.version).toBe(1);
    expect(vault.header).toEqual({ slots: null, params: null });
    expect(vault.db.version).toBe(3);
    expect(vault.db.groups).toEqual([]);
    expect(vault.db.entries[0]).toEqual({
      type: 'totp',
      uuid: '4a1f9c37-0d3e-4e4b-9f0a-111111111111',
      name: 'Mason',
      issuer: 'Deno',
      note: '',
      favorite: false,
      icon: null,
      icon_mime: null,
      icon_hash: null,
      info: { secret: accounts[0]!.secret, algo: 'SHA1', digits: 6, period: 30 },
      groups: [],
    });
    expect(vault.db.entries[5]?.info).toEqual({ secret: accounts[5]!.secret, algo: 'SHA512', digits: 8, counter: 10300 });
    expect(vault.db.entries.map((entry) => entry.uuid).slice(1, 3)).toEqual(['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']);
  });

  it('round-trips through our Aegis importer, order included', async () => {
    const result = await importFile({ text: json });
    expect(result.format).toBe('aegis');
    expect(result.accounts).toEqual(accounts);
  });

  it('uses WebCrypto for new UUIDs by default', () => {
    const vault = JSON.parse(toAegisPlainJson(accounts.slice(0, 1))) as { db: { entries: { uuid: string }[] } };
    expect(vault.db.entries[0]?.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
