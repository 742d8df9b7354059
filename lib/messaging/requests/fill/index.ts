import { BIND_SITE_REQUEST } from './bind-site';
import { FILL_ACCOUNT_REQUEST } from './fill-account';
import { SITE_ACCOUNTS_REQUEST } from './site-accounts';

/** Filling one-time codes into pages (docs/autofill.md): one file per request. */
export const FILL_REQUESTS = {
  ...SITE_ACCOUNTS_REQUEST,
  ...FILL_ACCOUNT_REQUEST,
  ...BIND_SITE_REQUEST,
};
