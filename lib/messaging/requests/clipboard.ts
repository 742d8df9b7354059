import { z } from 'zod';
import { answer, defineRequest } from '../define-request';
import { id, VAULT_ERRORS } from './fields';

/** The clipboard: the popup copied a code; the background clears it after the user's delay if still there. */
export const CLIPBOARD_REQUESTS = {
  'clipboard.copied': defineRequest({
    // A code as shown: 4–10 digits, or Steam's 5 letters and digits. `id`: its account,
    // counted as used (the "most used" order, docs/popup-display.md).
    payload: z.object({ text: z.string().regex(/^[0-9A-Z]{4,10}$/), id: id.optional() }).strict(),
    response: answer<null>(),
    errors: VAULT_ERRORS,
  }),
};
