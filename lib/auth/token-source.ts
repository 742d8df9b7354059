import type { AuthHost, SilentWebAuthFlow } from './auth-host';
import { SignInFailedError, SignInRequiredError } from './errors';
import type { SignedInAccount } from './signed-in-account';
import { needsInteraction, parseRedirectResponse } from './redirect-response';

/**
 * An access token for the account, trying in order what needs no user:
 *   1. MSAL's cache and refresh token (refresh tokens of SPA apps last 24 h);
 *   2. a silent renewal: prompt=none in the identity window, which succeeds
 *      while the identity provider's session cookie lives;
 * and only then gives up with {@link SignInRequiredError} — the red badge and
 * "Sign in again".
 */
export async function accessTokenFor(
  host: AuthHost,
  silentFlow: SilentWebAuthFlow,
  account: SignedInAccount,
  options: { forceRefresh: boolean },
): Promise<string> {
  try {
    return await host.acquireToken(account, options);
  } catch (error) {
    if (!(error instanceof SignInRequiredError)) throw error;
  }
  const url = await host.silentRenewalUrl(account);
  let responseUrl: string;
  try {
    responseUrl = await silentFlow(url);
  } catch (cause) {
    await host.abandonInteraction();
    throw new SignInRequiredError('The sign-in could not be renewed without you.', { cause });
  }
  const response = parseRedirectResponse(responseUrl);
  if (response.kind === 'error') {
    await host.abandonInteraction();
    if (needsInteraction(response)) throw new SignInRequiredError(`Sign in again (${response.error}).`);
    throw new SignInFailedError(response.error, response.description);
  }
  const renewed = await host.completeSignIn(responseUrl);
  if (renewed.homeAccountId !== account.homeAccountId) {
    throw new SignInRequiredError('The identity provider answered for a different account.');
  }
  return host.acquireToken(account, { forceRefresh: false });
}
