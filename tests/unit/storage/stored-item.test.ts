import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineItem, parseStored, readItem, StoredValueInvalidError, writeItem } from '../../../lib/storage';
import { MemoryArea } from '../background/fake-ports';

/*
 * The registry's versioning, on an item made up for the test (every real item is
 * version 1 today): pure migrations run in order from the stored version; a value
 * without a version is version 1; anything unreadable is a typed error and is
 * never rewritten.
 */

const Shape = z.object({ v: z.literal(3), name: z.string(), tags: z.array(z.string()) });
const item = defineItem<z.infer<typeof Shape>>({
  key: 'example',
  area: 'local',
  version: 3,
  holds: 'nothing-secret',
  lifetime: 'kept',
  describes: 'an example',
  schema: Shape,
  migrations: {
    // 1 → 2: `title` was renamed `name`.
    1: (value) => {
      const { title, ...rest } = value as { title: string };
      return { ...rest, v: 2, name: title };
    },
    // 2 → 3: `tags` added.
    2: (value) => ({ ...(value as object), v: 3, tags: [] }),
  },
});

describe('stored items: versions and migrations', () => {
  it.each([
    ['version 1 (no version field)', { title: 'a' }],
    ['version 1 (explicit)', { v: 1, title: 'a' }],
    ['version 2', { v: 2, name: 'a' }],
    ['version 3', { v: 3, name: 'a', tags: [] }],
  ])('%s reads as the current version', (_label, stored) => {
    expect(parseStored(item, 'example', stored)).toEqual({ v: 3, name: 'a', tags: [] });
  });

  it('migrations are pure: the stored value is not changed', () => {
    const stored = { title: 'a' };
    parseStored(item, 'example', stored);
    expect(stored).toEqual({ title: 'a' });
  });

  it.each([
    ['a newer version', { v: 4, name: 'a' }, 'too-new'],
    ['a broken version', { v: 'x', name: 'a' }, 'unreadable'],
    ['a value the schema refuses', { v: 3, name: 7, tags: [] }, 'unreadable'],
    ['a migrated value the schema refuses', { title: 42 }, 'unreadable'],
  ])('%s → StoredValueInvalidError(%s), the data left in place', async (_label, stored, problem) => {
    const area = new MemoryArea();
    area.load({ example: stored });
    const error = await readItem(area, item).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoredValueInvalidError);
    expect(error).toMatchObject({ key: 'example', problem });
    expect(area.peek('example')).toEqual(stored);
    expect(area.writes).toBe(0);
  });

  it('a missing migration step is "no-migration"', () => {
    const gap = defineItem({ ...item, migrations: { 1: item.migrations[1]! } });
    expect(() => parseStored(gap, 'example', { title: 'a' })).toThrow(expect.objectContaining({ problem: 'no-migration' }));
  });

  it('absent is null, not an error', async () => {
    expect(await readItem(new MemoryArea(), item)).toBeNull();
  });

  it('writing checks the schema first: nothing unreadable is ever stored', async () => {
    const area = new MemoryArea();
    await expect(writeItem(area, item, { v: 3, name: 1 } as never)).rejects.toThrow();
    expect(area.writes).toBe(0);
    await writeItem(area, item, { v: 3, name: 'b', tags: ['x'] });
    expect(await readItem(area, item)).toEqual({ v: 3, name: 'b', tags: ['x'] });
  });
});
