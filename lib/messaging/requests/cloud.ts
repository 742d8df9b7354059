import { z } from 'zod';
import { SignedInAccount } from '../../auth/signed-in-account';
import { answer, defineRequest } from '../define-request';
import type { CloudStatusView } from '../views';
import { CLOUD_AND_VAULT_ERRORS, empty, password, VAULT_ERRORS } from './fields';

/** The OneDrive backup: sign-in state, the switch, syncing. */
export const CLOUD_REQUESTS = {
  // Read on opening Backup & recovery and after every cloud event: an open page must not keep the vault unlocked.
  'cloud.status': defineRequest({ payload: empty, response: answer<CloudStatusView>(), passive: true, errors: [] }),
  // Changing where the backup goes, or deleting it, needs the vault unlocked (once there is a vault).
  'cloud.connect': defineRequest({ payload: z.object({ account: SignedInAccount.strict() }).strict(), response: answer<CloudStatusView>(), errors: VAULT_ERRORS }),
  'cloud.enable': defineRequest({ payload: empty, response: answer<CloudStatusView>(), errors: [...CLOUD_AND_VAULT_ERRORS, 'password-change-required'] }),
  'cloud.join': defineRequest({
    payload: z.object({ password }).strict(),
    response: answer<CloudStatusView>(),
    errors: [...CLOUD_AND_VAULT_ERRORS, 'wrong-password'],
  }),
  'cloud.sync-now': defineRequest({ payload: empty, response: answer<CloudStatusView>(), errors: CLOUD_AND_VAULT_ERRORS }),
  'cloud.recreate': defineRequest({ payload: empty, response: answer<CloudStatusView>(), errors: CLOUD_AND_VAULT_ERRORS }),
  'cloud.disable': defineRequest({ payload: z.object({ deleteRemote: z.boolean() }).strict(), response: answer<CloudStatusView>(), errors: CLOUD_AND_VAULT_ERRORS }),
  'cloud.sign-out': defineRequest({ payload: empty, response: answer<CloudStatusView>(), errors: CLOUD_AND_VAULT_ERRORS }),
};
