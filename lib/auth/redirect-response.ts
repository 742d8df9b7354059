/**
 * What came back to the redirect URI after a sign-in round trip
 * (launchWebAuthFlow resolves with that URL). The response is in the fragment
 * (response_mode=fragment); an `error` there is the identity provider's answer,
 * e.g. `login_required` for prompt=none without a session.
 */
export type RedirectResponse =
  | { kind: 'code'; hash: string }
  | { kind: 'error'; error: string; description: string };

/** Errors with which prompt=none says "the user has to sign in". */
const INTERACTION_ERRORS = new Set(['login_required', 'interaction_required', 'consent_required', 'account_selection_required']);

export function parseRedirectResponse(url: string): RedirectResponse {
  const hashIndex = url.indexOf('#');
  const queryIndex = url.indexOf('?');
  const raw = hashIndex >= 0 ? url.slice(hashIndex + 1) : queryIndex >= 0 ? url.slice(queryIndex + 1) : '';
  const params = new URLSearchParams(raw);
  const error = params.get('error');
  if (error) return { kind: 'error', error, description: params.get('error_description') ?? '' };
  if (params.get('code')) return { kind: 'code', hash: `#${raw}` };
  return { kind: 'error', error: 'invalid_response', description: 'The sign-in answer carried neither a code nor an error.' };
}

export const needsInteraction = (response: RedirectResponse) =>
  response.kind === 'error' && INTERACTION_ERRORS.has(response.error);
