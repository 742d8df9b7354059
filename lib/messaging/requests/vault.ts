import { z } from 'zod';
import { answer, defineRequest } from '../define-request';
import type { SettingsView, Snapshot, VaultStatus } from '../views';
import { empty, MAX_LISTED_ACCOUNTS, password, strengthScore, VAULT_ERRORS } from './fields';
import { ClipboardClearSeconds } from '../../vault/settings';
import { tabId } from './fill/fields';

/** The vault: create, unlock, lock, change its password; and its settings. */
export const VAULT_REQUESTS = {
  'vault.status': defineRequest({ payload: empty, response: answer<VaultStatus>(), passive: true, errors: VAULT_ERRORS }),
  // Pages read it on opening and after every change event: reading is not using.
  // `first`: only the first that many accounts and their codes (the popup's first
  // screen); `accountCount` says how many there are in all. `ordered`: in the popup's
  // order (pinned first, then the chosen sort), with the display settings. `tabId`: also
  // that tab's page and the accounts that may fill there, with their codes (the popup's
  // tab: its site section shows with the first screen).
  'vault.snapshot': defineRequest({
    payload: z.object({ first: z.number().int().min(1).max(MAX_LISTED_ACCOUNTS).optional(), ordered: z.literal(true).optional(), tabId: tabId.optional() }).strict(),
    response: answer<Snapshot>(),
    passive: true,
    errors: VAULT_ERRORS,
  }),
  // `score`: the page's zxcvbn estimate of the new password (lib/vault/password-policy.ts);
  // a weak one is refused, and the verdict is remembered for backup and export.
  'vault.create': defineRequest({
    payload: z.object({ password, score: strengthScore.optional() }).strict(),
    response: answer<VaultStatus>(),
    errors: [...VAULT_ERRORS, 'already-initialized', 'weak-password'],
  }),
  'vault.unlock': defineRequest({
    payload: z.object({ password }).strict(),
    response: answer<VaultStatus>(),
    errors: [...VAULT_ERRORS, 'wrong-password'],
  }),
  'vault.lock': defineRequest({ payload: empty, response: answer<VaultStatus>(), passive: true, errors: VAULT_ERRORS }),
  'vault.change-password': defineRequest({
    payload: z.object({ currentPassword: password, newPassword: password, score: strengthScore.optional() }).strict(),
    response: answer<null>(),
    errors: [...VAULT_ERRORS, 'wrong-password', 'weak-password'],
  }),
  // A new password AND a new master key: every slot and the contents sealed again, the
  // backup replaced (docs/vault-format.md, "Re-key"); the session continues with the new key.
  'vault.rekey': defineRequest({
    payload: z.object({ currentPassword: password, newPassword: password, score: strengthScore.optional() }).strict(),
    response: answer<null>(),
    errors: [...VAULT_ERRORS, 'wrong-password', 'weak-password'],
  }),
  // The page's estimate of the password just typed (unlock, export) for a vault whose
  // password was never checked; the password is verified before the verdict is kept.
  'vault.check-password': defineRequest({
    payload: z.object({ password, score: strengthScore }).strict(),
    response: answer<VaultStatus>(),
    errors: [...VAULT_ERRORS, 'wrong-password'],
  }),
  'settings.get': defineRequest({ payload: empty, response: answer<SettingsView>(), passive: true, errors: VAULT_ERRORS }),
  'settings.update': defineRequest({
    payload: z.object({ autoLockMinutes: z.number().int().min(1).max(1440), clipboardClearSeconds: ClipboardClearSeconds }).partial().strict(),
    response: answer<SettingsView>(),
    errors: VAULT_ERRORS,
  }),
};
