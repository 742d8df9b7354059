import { z } from 'zod';
import { answer, defineRequest } from '../define-request';
import type { DisplayView } from '../views';
import { SortOrder } from '../../display/popup-settings';
import { empty, id, VAULT_ERRORS } from './fields';

/** The popup's display (docs/popup-display.md): hide codes, order, pins; the backup suggestion's "Not now". */
export const DISPLAY_REQUESTS = {
  'display.get': defineRequest({ payload: empty, response: answer<DisplayView>(), passive: true, errors: [] }),
  'display.update': defineRequest({
    payload: z.object({ hideCodes: z.boolean(), sort: SortOrder }).partial().strict(),
    response: answer<DisplayView>(),
    errors: [],
  }),
  // An id not in the vault is refused (`not-found`), so the stored list names only real accounts.
  'display.pin': defineRequest({
    payload: z.object({ id, pinned: z.boolean() }).strict(),
    response: answer<DisplayView>(),
    errors: [...VAULT_ERRORS, 'not-found'],
  }),
  // Whether the backup suggestion is put off ("Not now", docs/popup-display.md).
  'backup-nudge.get': defineRequest({ payload: empty, response: answer<{ snoozed: boolean }>(), passive: true, errors: VAULT_ERRORS }),
  'backup-nudge.snooze': defineRequest({ payload: empty, response: answer<null>(), errors: VAULT_ERRORS }),
};
