import { z } from 'zod';
import { answer, defineRequest } from '../define-request';
import type { BackupInspection, RestorePlan } from '../views';
import { CLOUD_AND_VAULT_ERRORS, CLOUD_ERRORS, empty, id, password } from './fields';

/** Recovery: read the signed-in account's backup and restore it here. */
export const RECOVERY_REQUESTS = {
  'recovery.inspect': defineRequest({ payload: empty, response: answer<BackupInspection>(), errors: CLOUD_ERRORS }),
  'recovery.restore': defineRequest({
    payload: z.object({ password }).strict(),
    response: answer<{ restored: number }>(),
    errors: [...CLOUD_AND_VAULT_ERRORS, 'wrong-password', 'already-initialized'],
  }),
  'recovery.plan': defineRequest({
    payload: z.object({ password }).strict(),
    response: answer<RestorePlan>(),
    errors: [...CLOUD_AND_VAULT_ERRORS, 'wrong-password'],
  }),
  'recovery.apply': defineRequest({
    payload: z.object({ password, choices: z.record(id, z.enum(['keep-both', 'replace'])) }).strict(),
    response: answer<{ added: number; replaced: number; skipped: number }>(),
    errors: [...CLOUD_AND_VAULT_ERRORS, 'wrong-password'],
  }),
};
