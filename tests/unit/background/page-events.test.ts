import { describe, expect, it } from 'vitest';
import { topicsForStorageChange, type StorageChange } from '../../../lib/background/page-events';
import type { PageTopic } from '../../../lib/messaging/events';
import { isPageEvent, PAGE_EVENT_KIND } from '../../../lib/messaging/events';

const unlocked = { masterKey: 'AAAA', lastActivityMs: 1, autoLockMinutes: 15 };

describe('topicsForStorageChange', () => {
  it.each<[string, string, Record<string, StorageChange>, PageTopic[]]>([
    ['the vault written (an edit, a merge from another device)', 'local', { vault: { oldValue: {}, newValue: {} } }, ['vault', 'accounts']],
    ['the vault created', 'local', { vault: { newValue: {} } }, ['vault', 'accounts']],
    ['an unlock', 'session', { unlocked: { newValue: unlocked } }, ['vault', 'accounts']],
    ['a lock or auto-lock', 'session', { unlocked: { oldValue: unlocked } }, ['vault', 'accounts']],
    ['an unlock reported with a null old value', 'session', { unlocked: { oldValue: null, newValue: unlocked } }, ['vault', 'accounts']],
    ['a lock reported with a null new value', 'session', { unlocked: { oldValue: unlocked, newValue: null } }, ['vault', 'accounts']],
    ['the activity clock moving (every request)', 'session', { unlocked: { oldValue: unlocked, newValue: { ...unlocked, lastActivityMs: 2 } } }, []],
    ['the backup state', 'local', { 'cloud-backup': { oldValue: {}, newValue: {} } }, ['cloud']],
    ['the vault and its pending upload in one write', 'local', { vault: { newValue: {} }, 'cloud-backup': { newValue: {} } }, ['vault', 'accounts', 'cloud']],
    ['a key of the same name in the other area', 'session', { vault: { newValue: {} }, 'cloud-backup': { newValue: {} } }, []],
    ['a scan record', 'session', { 'scan:tab:1': { newValue: {} } }, []],
    ['the recently-deleted list', 'session', { 'recently-deleted': { newValue: [] } }, []],
  ])('%s → %j', (_label, area, changes, topics) => {
    expect(topicsForStorageChange(area, changes).sort()).toEqual([...topics].sort());
  });
});

describe('isPageEvent', () => {
  it.each<[unknown, boolean]>([
    [{ kind: PAGE_EVENT_KIND, topics: ['vault'] }, true],
    [{ kind: PAGE_EVENT_KIND, topics: [] }, true],
    [{ kind: PAGE_EVENT_KIND, topics: ['secrets'] }, false],
    [{ kind: PAGE_EVENT_KIND }, false],
    [{ kind: 'other', topics: ['vault'] }, false],
    [{ type: 'vault.status' }, false],
    [null, false],
    ['hikae.changed', false],
  ])('%j → %s', (message, expected) => {
    expect(isPageEvent(message)).toBe(expected);
  });
});
