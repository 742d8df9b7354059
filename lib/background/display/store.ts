import { ACCOUNT_USAGE_ITEM, BACKUP_NUDGE_ITEM, POPUP_SETTINGS_ITEM, readItem, StoredValueInvalidError, writeItem } from '../../storage';
import { DEFAULT_POPUP_SETTINGS, type AccountUsage, type PopupSettings } from '../../display/popup-settings';
import type { NudgeSnooze } from '../../display/popup-settings';
import type { BackgroundPorts } from '../core';

/** The popup settings as stored (defaults when absent); an unreadable value throws (and stays). */
export async function readPopupSettings(ports: BackgroundPorts): Promise<PopupSettings> {
  return (await readItem(ports.local, POPUP_SETTINGS_ITEM)) ?? DEFAULT_POPUP_SETTINGS;
}

export const writePopupSettings = (ports: BackgroundPorts, settings: PopupSettings) => writeItem(ports.local, POPUP_SETTINGS_ITEM, settings);

export async function readUsage(ports: BackgroundPorts): Promise<AccountUsage> {
  return (await readItem(ports.local, ACCOUNT_USAGE_ITEM)) ?? { uses: {} };
}

export const writeUsage = (ports: BackgroundPorts, usage: AccountUsage) => writeItem(ports.local, ACCOUNT_USAGE_ITEM, usage);

export const readNudgeSnooze = (ports: BackgroundPorts): Promise<NudgeSnooze | null> => readItem(ports.local, BACKUP_NUDGE_ITEM);

export const writeNudgeSnooze = (ports: BackgroundPorts, snooze: NudgeSnooze) => writeItem(ports.local, BACKUP_NUDGE_ITEM, snooze);

/**
 * What the popup orders by. An unreadable preference shows the defaults (codes
 * matter more than their order); the value stays in place for a write to report.
 */
export async function readOrdering(ports: BackgroundPorts): Promise<{ settings: PopupSettings; usage: AccountUsage }> {
  const orDefault = <T>(fallback: T) => (error: unknown): T => {
    if (error instanceof StoredValueInvalidError) return fallback;
    throw error;
  };
  const [settings, usage] = await Promise.all([
    readPopupSettings(ports).catch(orDefault(DEFAULT_POPUP_SETTINGS)),
    readUsage(ports).catch(orDefault<AccountUsage>({ uses: {} })),
  ]);
  return { settings, usage };
}
