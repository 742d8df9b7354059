import { z } from 'zod';
import type { SiteAccountsView } from '../../../autofill/fill-view';
import { answer, defineRequest } from '../../define-request';
import { VAULT_ERRORS } from '../fields';
import { tabId } from './fields';

/**
 * The accounts the tab's page may get a code for, by the URL the browser reports
 * for the tab (never the page's title or claims); the popup lists them first. A
 * page that can never get a code is not a failure: `problem` says why.
 */
export const SITE_ACCOUNTS_REQUEST = {
  // Asked whenever the popup opens: reading, not using.
  'fill.site-accounts': defineRequest({
    payload: z.object({ tabId }).strict(),
    response: answer<SiteAccountsView>(),
    passive: true,
    errors: VAULT_ERRORS,
  }),
};
