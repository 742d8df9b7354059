import { nudgeSnoozed } from '../../display/nudge';
import { withPin, withUse, type PopupSettings } from '../../display/popup-settings';
import type { DISPLAY_REQUESTS } from '../../messaging/requests/display';
import type { DisplayView } from '../../messaging/protocol';
import { AccountNotFoundError } from '../accounts';
import type { BackgroundPorts, Handler, HandlersFor } from '../core';
import { readContents } from '../vault';
import { readNudgeSnooze, readPopupSettings, readUsage, writeNudgeSnooze, writePopupSettings, writeUsage } from './store';

/* The popup's display settings, pins and uses; the backup suggestion's "Not now" (docs/popup-display.md). */

export const displayView = ({ hideCodes, sort, pinned }: PopupSettings): DisplayView => ({ hideCodes, sort, pinned: [...pinned] });

export const displayGet: Handler<'display.get'> = async (_payload, ports) => displayView(await readPopupSettings(ports));

export const displayUpdate: Handler<'display.update'> = async (patch, ports) =>
  ports.exclusive(async () => {
    const next = { ...(await readPopupSettings(ports)), ...patch };
    await writePopupSettings(ports, next);
    return displayView(next);
  });

export const displayPin: Handler<'display.pin'> = async ({ id, pinned }, ports) =>
  ports.exclusive(async () => {
    const existing = new Set((await readContents(ports)).accounts.map((a) => a.id));
    if (!existing.has(id)) throw new AccountNotFoundError(id);
    const next = withPin(await readPopupSettings(ports), id, pinned, existing);
    await writePopupSettings(ports, next);
    return displayView(next);
  });

/** One more use of an account (a copy or a fill), for the "most used" order. */
export async function recordUse(ports: BackgroundPorts, id: string): Promise<void> {
  await ports.exclusive(async () => {
    const existing = new Set((await readContents(ports)).accounts.map((a) => a.id));
    if (!existing.has(id)) return;
    await writeUsage(ports, withUse(await readUsage(ports), id, ports.now(), existing));
  });
}

export const backupNudgeGet: Handler<'backup-nudge.get'> = async (_payload, ports) => {
  const { accounts } = await readContents(ports);
  return { snoozed: nudgeSnoozed(await readNudgeSnooze(ports), ports.now(), accounts.length) };
};

export const backupNudgeSnooze: Handler<'backup-nudge.snooze'> = async (_payload, ports) => {
  const { accounts } = await readContents(ports);
  await writeNudgeSnooze(ports, { snoozedAt: ports.now(), accountCount: accounts.length });
  return null;
};

export const DISPLAY_HANDLERS: HandlersFor<typeof DISPLAY_REQUESTS> = {
  'display.get': displayGet,
  'display.update': displayUpdate,
  'display.pin': displayPin,
  'backup-nudge.get': backupNudgeGet,
  'backup-nudge.snooze': backupNudgeSnooze,
};
