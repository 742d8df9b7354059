import { describe, expect, it } from 'vitest';
import { appendRefusals, logScanRefusals, TEST_SCAN_REFUSALS_KEY } from '../../../../lib/background/scan/refusal-log';
import type { ImageRefusal } from '../../../../lib/background/scan/decode';
import { createFakePorts } from '../fake-ports';

const tooLarge: ImageRefusal = { reason: 'too-large', host: 'img.hostile.test', width: 30_000, height: 30_000 };
const privateHost: ImageRefusal = { reason: 'private-host', host: '127.0.0.1:8080' };

describe('the test builds’ log of refused images', () => {
  it.each<[string, unknown, ImageRefusal[], number]>([
    ['nothing stored yet', undefined, [tooLarge], 1],
    ['something not a list', { x: 1 }, [tooLarge, privateHost], 2],
    ['a list', [{ ...privateHost, page: 'http://a.test' }], [tooLarge], 2],
    ['a full list: the newest 64 kept', Array.from({ length: 64 }, () => ({ ...privateHost, page: 'http://a.test' })), [tooLarge], 64],
  ])('appends to %s', (_what, previous, refusals, length) => {
    const log = appendRefusals(previous, 'http://www.hostile.test', refusals);
    expect(log).toHaveLength(length);
    expect(log.at(-1)).toEqual({ ...refusals.at(-1), page: 'http://www.hostile.test' });
  });

  it('writes only when something was refused', async () => {
    const ports = createFakePorts();
    await logScanRefusals(ports, 'http://www.hostile.test', []);
    expect(await ports.session.get(TEST_SCAN_REFUSALS_KEY)).toBeUndefined();
    await logScanRefusals(ports, 'http://www.hostile.test', [tooLarge]);
    await logScanRefusals(ports, 'http://www.hostile.test', [privateHost]);
    expect(await ports.session.get(TEST_SCAN_REFUSALS_KEY)).toEqual([
      { ...tooLarge, page: 'http://www.hostile.test' },
      { ...privateHost, page: 'http://www.hostile.test' },
    ]);
  });
});
