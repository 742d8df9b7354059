import { z } from 'zod';
import type { FillOutcome } from '../../../autofill/fill-view';
import { answer, defineRequest } from '../../define-request';
import { id } from '../fields';
import { frameId, PAGE_ERRORS, tabId } from './fields';

/**
 * Fills the current code into the tab's code field (docs/autofill.md). With
 * `accountId`: that account, which must be bound to the page. Without: the one
 * account bound to the page (`fill-several` when more, `fill-no-account` when none)
 * — what the shortcut and the context menu do. `frameId`: the frame to prefer (the
 * context menu's). Only a gesture may send it: the popup's Fill button.
 */
export const FILL_ACCOUNT_REQUEST = {
  'fill.account': defineRequest({
    payload: z.object({ tabId, accountId: id.optional(), frameId: frameId.optional() }).strict(),
    response: answer<FillOutcome>(),
    errors: [...PAGE_ERRORS, 'fill-no-account', 'fill-several', 'fill-frame-off-site', 'fill-no-field', 'fill-interrupted'],
  }),
};
