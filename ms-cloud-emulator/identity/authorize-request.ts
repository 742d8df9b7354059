import { aad, type AadError } from './aad-errors.ts';
import type { ClientPolicy } from './client-policy.ts';
import { isAcceptedTenant } from './tenant.ts';

/** `prompt` values the v2.0 authorize endpoint accepts. */
export const PROMPTS = ['none', 'login', 'select_account', 'consent', 'create'] as const;
export type Prompt = (typeof PROMPTS)[number];

/** Where authorize answers go: the app's redirect URI, in the fragment or the query. */
export interface ReplyTarget {
  redirectUri: string;
  responseMode: 'fragment' | 'query';
  state?: string;
}

/** A validated authorize request, kept while the user is on the sign-in pages. */
export interface AuthorizeRequest extends ReplyTarget {
  tenant: string;
  clientId: string;
  scope: string;
  codeChallenge: string;
  nonce?: string;
  loginHint?: string;
  prompt?: Prompt;
  /** The request asked for `client_info` (MSAL always does). */
  clientInfo: boolean;
}

/** Outcome of checking authorize parameters. */
export type AuthorizeParseResult =
  | { kind: 'ok'; request: AuthorizeRequest }
  /** The redirect URI cannot be trusted: show an error page. */
  | { kind: 'page'; error: AadError }
  /** The redirect URI is good: send the error back to it. */
  | { kind: 'reply'; error: AadError; target: ReplyTarget };

const CODE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Checks an authorize request in the order the real endpoint does: problems that make the
 * redirect URI untrustworthy first (they are shown as a page), then the rest (they are sent to
 * the app). PKCE with S256 is required (SPA clients).
 */
export function parseAuthorizeRequest(tenant: string, params: URLSearchParams, policy: ClientPolicy): AuthorizeParseResult {
  if (!isAcceptedTenant(tenant)) return { kind: 'page', error: aad.tenantNotFound(tenant) };
  const clientId = params.get('client_id') ?? '';
  if (!clientId) return { kind: 'page', error: aad.missingParameter('client_id') };
  if (!policy.isKnownClient(clientId)) return { kind: 'page', error: aad.unknownClient(clientId) };
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!redirectUri) return { kind: 'page', error: aad.missingParameter('redirect_uri') };
  if (!policy.isAllowedRedirectUri(redirectUri)) return { kind: 'page', error: aad.redirectUriNotRegistered(redirectUri, clientId) };

  const state = params.get('state') ?? undefined;
  const responseModeParam = params.get('response_mode') ?? 'fragment';
  const responseMode = responseModeParam === 'query' ? 'query' : 'fragment';
  const target: ReplyTarget = { redirectUri, responseMode, ...(state !== undefined ? { state } : {}) };
  const reply = (error: AadError): AuthorizeParseResult => ({ kind: 'reply', error, target });

  if (responseModeParam !== 'query' && responseModeParam !== 'fragment') {
    return reply(aad.invalidRequest(`The emulator supports response_mode 'fragment' and 'query' only, not '${responseModeParam}'.`));
  }
  const responseType = params.get('response_type') ?? '';
  if (!responseType) return reply(aad.missingParameter('response_type'));
  if (responseType !== 'code') return reply(aad.unsupportedResponseType(responseType));
  const scope = params.get('scope') ?? '';
  if (!scope.trim()) return reply(aad.missingParameter('scope'));
  const codeChallenge = params.get('code_challenge') ?? '';
  if (!codeChallenge) return reply(aad.pkceRequired());
  if (!CODE_CHALLENGE.test(codeChallenge)) return reply(aad.invalidCodeChallenge());
  if ((params.get('code_challenge_method') ?? 'plain') !== 'S256') return reply(aad.invalidCodeChallengeMethod());
  const promptParam = params.get('prompt') ?? undefined;
  const prompt = PROMPTS.find((p) => p === promptParam);
  if (promptParam !== undefined && prompt === undefined) {
    return reply(aad.invalidRequest(`Invalid value for the 'prompt' parameter: '${promptParam}'.`));
  }

  const nonce = params.get('nonce') ?? undefined;
  const loginHint = params.get('login_hint') ?? undefined;
  return {
    kind: 'ok',
    request: {
      ...target,
      tenant,
      clientId,
      scope,
      codeChallenge,
      clientInfo: params.get('client_info') === '1',
      ...(nonce !== undefined ? { nonce } : {}),
      ...(loginHint ? { loginHint } : {}),
      ...(prompt !== undefined ? { prompt } : {}),
    },
  };
}

/** The redirect URI with `params` appended in the fragment or the query. */
export function replyUrl(target: ReplyTarget, params: Record<string, string>): string {
  const search = new URLSearchParams(params);
  if (target.state !== undefined) search.set('state', target.state);
  if (target.responseMode === 'query') {
    const url = new URL(target.redirectUri);
    for (const [name, value] of search) url.searchParams.append(name, value);
    return url.toString();
  }
  return `${target.redirectUri.split('#')[0]}#${search.toString()}`;
}
