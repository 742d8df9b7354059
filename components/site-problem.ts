import type { SiteEntryProblem } from '../lib/autofill/site-entry';
import { MAX_SITE_LENGTH, MAX_SITES_PER_ACCOUNT } from '../lib/autofill/site-limits';
import { t } from './i18n';

/** What is wrong with a site the user typed, naming it (docs/autofill.md "Accounts know their sites"). */
export function siteProblemMessage(problem: SiteEntryProblem, input: string): string {
  switch (problem) {
    case 'not-web':
      return t('siteErrorNotWeb', [input.trim()]);
    case 'insecure':
      return t('siteErrorInsecure', [input.trim()]);
    case 'public-suffix':
      return t('siteErrorPublicSuffix', [input.trim()]);
    case 'single-label':
      return t('siteErrorSingleLabel', [input.trim()]);
    case 'too-long':
      return t('siteErrorTooLong', [String(MAX_SITE_LENGTH)]);
    case 'too-many':
      return t('siteErrorTooMany', [String(MAX_SITES_PER_ACCOUNT)]);
  }
}
