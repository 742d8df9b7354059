import { describe, expect, it } from 'vitest';
import { countWrites, createFakePorts, restoreStorage, snapshotStorage } from './fake-ports';
import { expectNoSecrets, PASSWORD } from './harness';

/* The fakes the other tests rely on: if these are wrong, the others prove nothing. */

describe('fake ports', () => {
  it('copies values on the way in and out, like real storage', async () => {
    const ports = createFakePorts();
    const value = { nested: { n: 1 } };
    await ports.local.set('k', value);
    value.nested.n = 2;
    const read = (await ports.local.get('k')) as typeof value;
    expect(read).toEqual({ nested: { n: 1 } });
    read.nested.n = 3;
    expect(await ports.local.get('k')).toEqual({ nested: { n: 1 } });
    expect(await ports.local.get('missing')).toBeUndefined();
  });

  it('refuses values storage cannot hold', async () => {
    await expect(createFakePorts().local.set('k', { f: () => 1 })).rejects.toThrow();
  });

  it('counts writes per area', async () => {
    const ports = createFakePorts();
    const { local, session } = await countWrites(ports, async () => {
      await ports.local.set('a', 1);
      await ports.local.remove('a');
      await ports.session.set('b', 2);
      await ports.local.get('a');
    });
    expect({ local, session }).toEqual({ local: 2, session: 1 });
  });

  it('restores a snapshot as a deep copy', async () => {
    const a = createFakePorts();
    await a.local.set('v', { x: 1 });
    const snapshot = snapshotStorage(a);
    await a.local.set('v', { x: 2 });
    const b = createFakePorts({ seed: 2 });
    restoreStorage(b, snapshot);
    expect(await b.local.get('v')).toEqual({ x: 1 });
    expect(b.local.writes).toBe(0);
  });

  it('runs exclusive tasks one at a time, in order, even when one fails', async () => {
    const ports = createFakePorts();
    const events: string[] = [];
    const task = (name: string, fail = false) => async () => {
      events.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([ports.exclusive(task('a')), ports.exclusive(task('b', true)), ports.exclusive(task('c'))]);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('is deterministic per seed and distinct between seeds', () => {
    const [a, b, c] = [createFakePorts({ seed: 7 }), createFakePorts({ seed: 7 }), createFakePorts({ seed: 8 })];
    expect(a.random(16)).toEqual(b.random(16));
    expect(a.randomId()).toBe(b.randomId());
    expect(c.randomId()).not.toBe(createFakePorts({ seed: 7 }).randomId());
    expect(a.random(16)).not.toEqual(a.random(16));
    expect(a.randomId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('records the last scheduled lock and moves the clock', async () => {
    const ports = createFakePorts({ nowMs: 1000 });
    await ports.scheduleAutoLock(5000);
    expect(ports.scheduledLockAt).toBe(5000);
    await ports.scheduleAutoLock(null);
    expect(ports.scheduledLockAt).toBeNull();
    ports.advance(250);
    expect(ports.now()).toBe(1250);
  });

  it('the harness catches a secret in an answer', () => {
    expect(() => expectNoSecrets({ ok: true, value: { note: `x${PASSWORD}x` } }, createFakePorts())).toThrow(/secret/);
    expect(() => expectNoSecrets({ ok: true, value: { note: 'harmless' } }, createFakePorts())).not.toThrow();
  });
});
