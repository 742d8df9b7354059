import { describe, expect, it } from 'vitest';
import { GraphNotFoundError, GraphPreconditionFailedError, GraphThrottledError } from '../../../lib/graph';
import { FakeDrive, graphErrors } from './fake-drive';

/* The fake must answer as lib/graph's client does against Graph, or the engine tests prove nothing. */

describe('FakeDrive', () => {
  it('gives every upload a new eTag and returns what was uploaded', async () => {
    const drive = new FakeDrive();
    const client = drive.client('A');
    const first = await client.upload('one', { ifNoneMatch: '*' });
    const second = await client.upload('two', { ifMatch: first.eTag });
    expect(second.eTag).not.toBe(first.eTag);
    expect(await client.download()).toEqual({ file: second, text: 'two' });
    expect(await client.getMetadata()).toEqual(second);
  });

  it.each([
    { name: 'If-Match with an older eTag', setup: 2, condition: (old: string) => ({ ifMatch: old }), error: GraphPreconditionFailedError },
    { name: 'If-None-Match: * on an existing file', setup: 1, condition: () => ({ ifNoneMatch: '*' as const }), error: GraphPreconditionFailedError },
  ])('$name → 412, the file unchanged', async ({ setup, condition, error }) => {
    const drive = new FakeDrive();
    const client = drive.client();
    const first = await client.upload('v1', { ifNoneMatch: '*' });
    if (setup === 2) await client.upload('v2', { ifMatch: first.eTag });
    const before = drive.current;
    await expect(client.upload('mine', condition(first.eTag))).rejects.toBeInstanceOf(error);
    expect(drive.current).toEqual(before);
    expect(drive.calls.at(-1)).toMatchObject({ op: 'upload', outcome: 'GraphPreconditionFailedError' });
  });

  it('If-Match on a deleted file → GraphNotFoundError (the client’s 404), or the raw 412 when asked', async () => {
    const drive = new FakeDrive();
    const client = drive.client();
    const { eTag } = await client.upload('v1', { ifNoneMatch: '*' });
    drive.deleteElsewhere();
    await expect(client.upload('v2', { ifMatch: eTag })).rejects.toBeInstanceOf(GraphNotFoundError);
    drive.deletedIfMatchAnswer = 412;
    await expect(client.upload('v2', { ifMatch: eTag })).rejects.toBeInstanceOf(GraphPreconditionFailedError);
    await expect(client.download()).rejects.toBeInstanceOf(GraphNotFoundError);
    expect(await client.getMetadata()).toBeNull();
    expect(drive.current).toBeNull();
  });

  it('refuses an empty If-Match as the client does (it would be an unconditional overwrite)', async () => {
    const client = new FakeDrive().client();
    await expect(client.upload('x', { ifMatch: '' })).rejects.toBeInstanceOf(TypeError);
  });

  it('throws queued faults once each, persistent ones until healed, and logs them', async () => {
    const drive = new FakeDrive();
    const client = drive.client('A');
    drive.failNext('download', () => graphErrors.throttled(7));
    drive.failAlways('upload', graphErrors.network);
    const throttled = await client.download().catch((e: unknown) => e);
    expect(throttled).toBeInstanceOf(GraphThrottledError);
    expect((throttled as GraphThrottledError).retryAfterSeconds).toBe(7);
    await expect(client.download()).rejects.toBeInstanceOf(GraphNotFoundError);
    await expect(client.upload('x', { ifNoneMatch: '*' })).rejects.toMatchObject({ name: 'GraphNetworkError', status: 0 });
    await expect(client.upload('x', { ifNoneMatch: '*' })).rejects.toMatchObject({ name: 'GraphNetworkError' });
    drive.heal();
    await client.upload('x', { ifNoneMatch: '*' });
    expect(drive.calls.map((c) => `${c.client}:${c.op}:${c.outcome}`)).toEqual([
      'A:download:GraphThrottledError',
      'A:download:GraphNotFoundError',
      'A:upload:GraphNetworkError',
      'A:upload:GraphNetworkError',
      'A:upload:ok',
    ]);
  });

  it('runs a hook inside the next upload, before the precondition is checked', async () => {
    const drive = new FakeDrive();
    const client = drive.client('A');
    const { eTag } = await client.upload('v1', { ifNoneMatch: '*' });
    drive.duringNextUpload(async () => {
      drive.writeElsewhere('someone else');
    });
    await expect(client.upload('mine', { ifMatch: eTag })).rejects.toBeInstanceOf(GraphPreconditionFailedError);
    expect(drive.current?.text).toBe('someone else');
  });
});
