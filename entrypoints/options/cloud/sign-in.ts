import { browser } from 'wxt/browser';
import { BUILD_CLOUD_CONFIG } from '../../../lib/auth/build-config';
import { SignInCancelledError, SignInFailedError } from '../../../lib/auth/errors';
import { parseRedirectResponse } from '../../../lib/auth/redirect-response';
import type { CloudStatusView } from '../../../lib/messaging/protocol';
import { request } from '../../../components/background-client';
import { failureMessage } from '../../../components/failure-message';
import { t } from '../../../components/i18n';
import { TurnOnBackupError } from './turn-on-error';

/**
 * Interactive Microsoft sign-in, from the options page (the popup would close
 * when the sign-in window takes focus). msal-browser is loaded only now, so it
 * weighs on no page until someone signs in. The tokens land in MSAL's shared
 * cache, where the background finds them; the background is told which account.
 */
export async function signInWithMicrosoft(options: { prompt?: 'select_account' | 'login'; loginHint?: string } = {}): Promise<CloudStatusView> {
  const { createDocumentMsal } = await import('../../../lib/auth/document-msal');
  const msal = await createDocumentMsal(window, BUILD_CLOUD_CONFIG, browser.identity.getRedirectURL());
  const url = await msal.signInUrl(options);
  let responseUrl: string | undefined;
  try {
    responseUrl = await browser.identity.launchWebAuthFlow({ url, interactive: true });
  } catch (cause) {
    msal.abandonInteraction();
    throw new SignInCancelledError('The sign-in window was closed.', { cause });
  }
  const response = parseRedirectResponse(responseUrl ?? '');
  if (response.kind === 'error') {
    msal.abandonInteraction();
    if (response.error === 'access_denied') throw new SignInCancelledError(response.description);
    throw new SignInFailedError(response.error, response.description);
  }
  const account = await msal.completeSignIn(responseUrl ?? '');
  const result = await request('cloud.connect', { account });
  if (!result.ok) throw new Error(failureMessage(result.error));
  return result.value;
}

/** The sentence for a failed sign-in. */
export function signInErrorMessage(error: unknown): string {
  if (error instanceof TurnOnBackupError) return error.message;
  if (error instanceof SignInCancelledError) return t('errorSignInCancelled');
  if (error instanceof SignInFailedError) return t('errorSignInFailed', [error.code]);
  return t('errorSignInFailed', [error instanceof Error ? error.message : String(error)]);
}
