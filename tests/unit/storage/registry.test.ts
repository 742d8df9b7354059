import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemOfKey, keysClearedOnLock, STORED_ITEMS, type Holds, type Lifetime } from '../../../lib/storage';

/*
 * docs/security.md's "who may see what" table, held against the registry: every
 * stored key appears in it with what it holds and when it is cleared, and the
 * table names no key the registry does not declare.
 */

const doc = readFileSync(join(import.meta.dirname, '../../../docs/security.md'), 'utf8');
const section = doc.slice(doc.indexOf('## Who may see what'), doc.indexOf('## Where the sign-in lives'));
const rows = section
  .split('\n')
  .filter((line) => line.startsWith('| ') && !line.startsWith('| what') && !line.startsWith('|---'))
  .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));

const HOLDS_IN_DOC: Record<Holds, string> = { secrets: 'secrets in the clear', 'encrypted-secrets': 'encrypted', 'nothing-secret': 'nothing secret' };
const CLEARED_IN_DOC: Record<Lifetime, string> = { 'until-lock': 'on lock', 'until-sign-out': 'on sign-out', kept: 'kept' };

/** `storage.local["vault"]` → { area, key }; a family is written `"scan:…"`. */
const storedKeysOf = (cell: string) =>
  [...cell.matchAll(/`storage\.(local|session)\["([^"]+)"\]`/g)].map(([, area, key]) => ({ area: area as 'local' | 'session', key: key!.replace(/…$/, '') }));

describe('the storage registry against docs/security.md', () => {
  const documented = rows.flatMap(([, where = '', holds = '', cleared = '']) => storedKeysOf(where).map((entry) => ({ ...entry, holds, cleared })));

  it.each(STORED_ITEMS.map((item) => ({ name: `${item.area}:${item.key}${item.family ? '*' : ''}`, item })))('$name is in the table, with what it holds and when it is cleared', ({ item }) => {
    const row = documented.find((entry) => entry.area === item.area && entry.key === item.key);
    expect(row, `docs/security.md has no row for storage.${item.area}["${item.key}"]`).toBeDefined();
    expect(row!.holds).toBe(HOLDS_IN_DOC[item.holds]);
    expect(row!.cleared).toBe(CLEARED_IN_DOC[item.lifetime]);
  });

  it('the table names no stored key the registry does not declare', () => {
    expect(documented.length).toBeGreaterThan(0);
    for (const { area, key } of documented) expect(itemOfKey(area, key), `${area}:${key}`).not.toBeNull();
  });

  it('secrets in the clear live only in storage.session (emptied on browser restart)', () => {
    for (const item of STORED_ITEMS.filter((i) => i.holds === 'secrets')) expect(item.area, item.key).toBe('session');
  });

  it('every key is declared once (no two items claim one key)', () => {
    const claims = (area: 'local' | 'session', key: string) => STORED_ITEMS.filter((i) => i.area === area && (i.family ? key.startsWith(i.key) : key === i.key)).length;
    for (const item of STORED_ITEMS) expect(claims(item.area, item.family ? `${item.key}x` : item.key), item.key).toBe(1);
  });

  it.each([
    ['session', ['unlocked', 'recently-deleted', 'scan:tab:7', 'scan:image', 'someone-elses'], ['unlocked', 'recently-deleted', 'scan:tab:7', 'scan:image']],
    ['local', ['vault', 'cloud-backup', 'scan-settings'], []],
  ] as const)('a lock clears exactly the until-lock keys of %s', (area, stored, cleared) => {
    expect(keysClearedOnLock(area, stored)).toEqual(cleared);
  });
});
