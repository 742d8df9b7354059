import { updateSettings } from '../../vault';
import { clipboardClearSecondsOf } from '../../vault/settings';
import type { Handler } from '../core';
import { touchSession } from './unlock-session';
import { changeContents, readContents } from './store';

export const settingsGet: Handler<'settings.get'> = async (_payload, ports) => {
  const { settings } = await readContents(ports);
  return { autoLockMinutes: settings.autoLockMinutes, clipboardClearSeconds: clipboardClearSecondsOf(settings) };
};

export const settingsUpdate: Handler<'settings.update'> = async (patch, ports) => {
  const settings = await changeContents(ports, (contents) => {
    const next = updateSettings(contents, patch, ports.now());
    return { contents: next, result: next.settings };
  });
  // A new auto-lock time applies to the open session at once.
  await touchSession(ports, settings.autoLockMinutes);
  return { autoLockMinutes: settings.autoLockMinutes, clipboardClearSeconds: clipboardClearSecondsOf(settings) };
};
