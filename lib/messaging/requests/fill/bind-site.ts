import { z } from 'zod';
import type { AccountView } from '../../views';
import { answer, defineRequest } from '../../define-request';
import { id } from '../fields';
import { PAGE_ERRORS, tabId } from './fields';

/**
 * "Fill on example.com and remember it for this account": adds the tab's site (by
 * the URL the browser reports) to an account that has no site yet; the popup then
 * sends `fill.account`. An account that already has sites is never bound to
 * another one from here (`fill-already-bound`): that is the phishing case.
 */
export const BIND_SITE_REQUEST = {
  'fill.bind-site': defineRequest({
    payload: z.object({ tabId, accountId: id }).strict(),
    response: answer<AccountView>(),
    errors: [...PAGE_ERRORS, 'fill-already-bound'],
  }),
};
