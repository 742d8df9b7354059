import { t } from './i18n';

/** The way out of "your password is too easy to guess": the options page's change-password form. */
export function ChangePasswordLink() {
  return <a href="#security" className="button-link" data-testid="change-password-link">{t('changePasswordNow')}</a>;
}
