import { randomGuid } from '../core/ids.ts';

/**
 * An error of the identity platform, before it is rendered as token-endpoint JSON, as
 * `#error=…` on a redirect URI, or as an error page. `code` is the AADSTS number.
 */
export interface AadError {
  /** OAuth error code (`invalid_grant`, `login_required`, …). */
  error: string;
  /** AADSTS number; the description starts with `AADSTS<code>: `. */
  code: number;
  /** Human text after `AADSTS<code>: `. */
  text: string;
  /** HTTP status when sent by the token endpoint (default 400). */
  status?: number;
  /** The real service's `suberror` (e.g. `bad_token` on AADSTS700084). */
  suberror?: string;
}

/** Where and when an error happens: the fields every AAD error answer carries. */
export interface AadErrorContext {
  baseUrl: string;
  now: number;
  /** The request's `client-request-id`, if the client sent one. */
  correlationId?: string;
}

/** `2026-05-01 10:00:00Z`, the timestamp format of AAD errors. */
export function aadTimestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

/** `2026-05-01T10:00:00.0000000Z`, the .NET round-trip format used inside AADSTS texts. */
export function aadRoundTripDate(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}0000Z`;
}

/** The fields of an AAD error answer (token endpoint JSON; also the redirect parameters). */
export function aadErrorFields(error: AadError, context: AadErrorContext) {
  const traceId = randomGuid();
  const correlationId = context.correlationId && /^[0-9a-f-]{36}$/i.test(context.correlationId) ? context.correlationId : randomGuid();
  const timestamp = aadTimestamp(context.now);
  return {
    error: error.error,
    error_description: `AADSTS${error.code}: ${error.text}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [error.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `${context.baseUrl}/error?code=${error.code}`,
    ...(error.suberror ? { suberror: error.suberror } : {}),
  };
}

/** The errors the emulator produces, named by meaning. Texts follow the real service's. */
export const aad = {
  tenantNotFound: (tenant: string): AadError => ({
    error: 'invalid_request',
    code: 90002,
    text: `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
  }),
  missingParameter: (name: string): AadError => ({
    error: 'invalid_request',
    code: 900144,
    text: `The request body must contain the following parameter: '${name}'.`,
  }),
  unknownClient: (clientId: string): AadError => ({
    error: 'unauthorized_client',
    code: 700016,
    text: `Application with identifier '${clientId}' was not found in the directory 'Microsoft Accounts'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
  }),
  redirectUriNotRegistered: (redirectUri: string, clientId: string): AadError => ({
    error: 'invalid_request',
    code: 50011,
    text: `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.`,
  }),
  unsupportedResponseType: (responseType: string): AadError => ({
    error: 'unsupported_response_type',
    code: 700054,
    text: `response_type '${responseType}' is not enabled for the application.`,
  }),
  invalidRequest: (text: string): AadError => ({ error: 'invalid_request', code: 90023, text }),
  pkceRequired: (): AadError => ({
    error: 'invalid_request',
    code: 9002325,
    text: 'Proof Key for Code Exchange is required for cross-origin authorization code redemption.',
  }),
  invalidCodeChallenge: (): AadError => ({
    error: 'invalid_request',
    code: 501491,
    text: 'Invalid size of Code_Challenge parameter.',
  }),
  invalidCodeChallengeMethod: (): AadError => ({
    error: 'invalid_request',
    code: 50149,
    text: 'Invalid Code_Challenge_method parameter.',
  }),
  loginRequired: (): AadError => ({
    error: 'login_required',
    code: 50058,
    text: "A silent sign-in request was sent but no user is signed in. The cookies used to represent the user's session were not sent in the request to Azure AD.",
  }),
  selectAccount: (): AadError => ({
    error: 'interaction_required',
    code: 16000,
    text: 'Multiple user identities are available for the current request. Select an account.',
  }),
  userDeclined: (): AadError => ({
    error: 'access_denied',
    code: 65004,
    text: 'User declined to consent to access the app.',
  }),
  spaCrossOriginOnly: (): AadError => ({
    error: 'invalid_request',
    code: 9002327,
    text: "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
  }),
  publicClientWithSecret: (): AadError => ({
    error: 'invalid_client',
    code: 700025,
    status: 401,
    text: "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
  }),
  malformedGrant: (): AadError => ({
    error: 'invalid_grant',
    code: 9002313,
    text: 'Invalid request. Request is malformed or invalid.',
  }),
  codeAlreadyRedeemed: (): AadError => ({
    error: 'invalid_grant',
    code: 54005,
    text: 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
  }),
  codeExpired: (): AadError => ({
    error: 'invalid_grant',
    code: 70008,
    text: 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
  }),
  grantForOtherClient: (): AadError => ({
    error: 'invalid_grant',
    code: 70000,
    text: 'The provided value for the input parameter \'code\' or \'refresh_token\' is not valid: it was issued to a different client.',
  }),
  redirectUriDiffersFromAuthorize: (redirectUri: string): AadError => ({
    error: 'invalid_grant',
    code: 50011,
    text: `The redirect URI '${redirectUri}' specified in the request does not match the redirect URI used to obtain the authorization code.`,
  }),
  codeVerifierMismatch: (): AadError => ({
    error: 'invalid_grant',
    code: 501481,
    text: 'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
  }),
  refreshTokenInvalid: (): AadError => ({
    error: 'invalid_grant',
    code: 70000,
    text: "The provided value for the input parameter 'refresh_token' or 'assertion' is not valid.",
  }),
  spaRefreshTokenExpired: (signedInAt: number): AadError => ({
    error: 'invalid_grant',
    code: 700084,
    suberror: 'bad_token',
    text: `The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page. The token was issued on ${aadRoundTripDate(signedInAt)}.`,
  }),
  unsupportedGrantType: (grantType: string): AadError => ({
    error: 'unsupported_grant_type',
    code: 70003,
    text: `The app requested an unsupported grant type '${grantType}'.`,
  }),
  transient: (status: number): AadError => ({
    error: 'temporarily_unavailable',
    code: 90033,
    status,
    text: 'A transient error has occurred. Please try again. (fault injected by the emulator)',
  }),
} satisfies Record<string, (...args: never[]) => AadError>;
