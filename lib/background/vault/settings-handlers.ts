import { updateSettings } from '../../vault';
import type { Handler } from '../core';
import { touchSession } from './unlock-session';
import { changeContents, readContents } from './store';

export const settingsGet: Handler<'settings.get'> = async (_payload, ports) => {
  const { autoLockMinutes } = (await readContents(ports)).settings;
  return { autoLockMinutes };
};

export const settingsUpdate: Handler<'settings.update'> = async (patch, ports) => {
  const settings = await changeContents(ports, (contents) => {
    const next = updateSettings(contents, patch, ports.now());
    return { contents: next, result: next.settings };
  });
  // A new auto-lock time applies to the open session at once.
  await touchSession(ports, settings.autoLockMinutes);
  return { autoLockMinutes: settings.autoLockMinutes };
};
