import { describe, expect, it } from 'vitest';
import { clearCopiedCodeIfDue } from '../../../../lib/background/clipboard';
import { expectFailure, send, sendOk, useSharedVault } from '../harness';

/*
 * The copied code leaves the clipboard after the user's delay, only if the
 * clipboard still holds it (the browser side is the `clearIfHolds` passed in).
 */

const vault = useSharedVault();

/** A clipboard: holds one text; `clearIfHolds` as the offscreen document / background page do it. */
function fakeClipboard(initial: string) {
  const board = { text: initial, reads: 0 };
  const clearIfHolds = async (text: string) => {
    board.reads += 1;
    if (board.text !== text) return false;
    board.text = '';
    return true;
  };
  return { board, clearIfHolds };
}

describe('clipboard.copied and the clearing alarm', () => {
  it.each([
    ['default delay (30 s), clipboard still holds the code', undefined, '123456', 30_000, 'cleared', ''],
    ['a short configured delay (5 s)', 5, '123456', 5_000, 'cleared', ''],
    ['the user copied something else meanwhile', 30, 'my own text', 30_000, 'kept-other-content', 'my own text'],
    ['Steam code', 10, 'K7X2B', 10_000, 'cleared', ''],
  ] as const)('%s', async (_what, seconds, onClipboard, delayMs, outcome, after) => {
    const { ports } = vault;
    if (seconds !== undefined) await sendOk(ports, 'settings.update', { clipboardClearSeconds: seconds });
    const copied = onClipboard === 'my own text' ? '123456' : onClipboard;
    await sendOk(ports, 'clipboard.copied', { text: copied });
    const start = ports.now();
    expect(ports.scheduledClipboardClearAt).toBe(start + delayMs);
    const { board, clearIfHolds } = fakeClipboard(onClipboard);

    // An alarm early (a restarted worker, a clock step): nothing read, rescheduled.
    ports.advance(delayMs - 1);
    expect(await clearCopiedCodeIfDue(ports, clearIfHolds)).toBe('not-yet');
    expect(board.reads).toBe(0);
    expect(ports.scheduledClipboardClearAt).toBe(start + delayMs);

    ports.advance(1);
    expect(await clearCopiedCodeIfDue(ports, clearIfHolds)).toBe(outcome);
    expect(board.text).toBe(after);
    // Done once: a later alarm finds nothing to do.
    expect(await clearCopiedCodeIfDue(ports, clearIfHolds)).toBe('nothing-pending');
    expect(board.reads).toBe(1);
  });

  it('clears even after the vault locked meanwhile', async () => {
    const { ports } = vault;
    await sendOk(ports, 'clipboard.copied', { text: '654321' });
    await sendOk(ports, 'vault.lock', {});
    ports.advance(30_000);
    const { board, clearIfHolds } = fakeClipboard('654321');
    expect(await clearCopiedCodeIfDue(ports, clearIfHolds)).toBe('cleared');
    expect(board.text).toBe('');
  });

  it('"never" (0) cancels a pending clear and schedules none', async () => {
    const { ports } = vault;
    await sendOk(ports, 'clipboard.copied', { text: '111111' });
    await sendOk(ports, 'settings.update', { clipboardClearSeconds: 0 });
    expect((await sendOk(ports, 'settings.get', {})).clipboardClearSeconds).toBe(0);
    await sendOk(ports, 'clipboard.copied', { text: '222222' });
    expect(ports.scheduledClipboardClearAt).toBeNull();
    ports.advance(600_000);
    expect(await clearCopiedCodeIfDue(ports, fakeClipboard('222222').clearIfHolds)).toBe('nothing-pending');
  });

  it.each([
    ['settings.update', { clipboardClearSeconds: 3 }],
    ['settings.update', { clipboardClearSeconds: 601 }],
    ['settings.update', { clipboardClearSeconds: 7.5 }],
    ['clipboard.copied', { text: 'not a code' }],
    ['clipboard.copied', { text: '1'.repeat(11) }],
    ['clipboard.copied', { text: '' }],
  ] as const)('%s %j is refused as bad-request', async (type, payload) => {
    expectFailure(await send(vault.ports, type, payload as never), 'bad-request');
  });

  it('a page can only schedule while unlocked (it needs the delay from the vault)', async () => {
    const { ports } = vault;
    await sendOk(ports, 'vault.lock', {});
    expectFailure(await send(ports, 'clipboard.copied', { text: '123456' }), 'locked');
  });
});
