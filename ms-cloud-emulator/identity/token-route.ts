import { createHash } from 'node:crypto';
import { header, readBody, sendJson } from '../core/http.ts';
import type { RequestContext } from '../emulator-context.ts';
import { findUserByOid } from '../test-users.ts';
import { aad, aadErrorFields, type AadError } from './aad-errors.ts';
import { SPA_REFRESH_TOKEN_LIFETIME_MS } from './refresh-tokens.ts';
import { isAcceptedTenant } from './tenant.ts';
import { issueTokens, type TokenGrant, type TokenResponse } from './token-response.ts';

/** Largest token request body accepted, bytes. */
const TOKEN_BODY_LIMIT_BYTES = 64 * 1024;

const NO_STORE = { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' };

/** Outcome of a grant: tokens to issue or an error to answer. */
type GrantOutcome = { ok: true; grant: TokenGrant } | { ok: false; error: AadError };

/**
 * `POST /{tenant}/oauth2/v2.0/token` for a single-page-application client: public (no
 * secret), PKCE, and only redeemable cross-origin (an `Origin` header is required).
 */
export async function handleToken(ctx: RequestContext, tenant: string): Promise<void> {
  const params = new URLSearchParams((await readBody(ctx.req, TOKEN_BODY_LIMIT_BYTES)).toString('utf8'));
  const outcome = checkClient(ctx, tenant, params) ?? redeem(ctx, params);
  if (!outcome.ok) {
    const correlationId = ctx.url.searchParams.get('client-request-id') ?? header(ctx.req, 'client-request-id');
    sendJson(ctx.res, outcome.error.status ?? 400, aadErrorFields(outcome.error, { baseUrl: ctx.emulator.baseUrl, now: ctx.emulator.clock.now(), correlationId }), NO_STORE);
    return;
  }
  ctx.user = outcome.grant.user.email;
  const response: TokenResponse = issueTokens(outcome.grant, {
    baseUrl: ctx.emulator.baseUrl,
    now: ctx.emulator.clock.now(),
    accessTokens: ctx.emulator.accessTokens,
    refreshTokens: ctx.emulator.refreshTokens,
    signingKey: ctx.emulator.signingKey,
  });
  sendJson(ctx.res, 200, response, NO_STORE);
}

/** Tenant, client and SPA checks common to every grant; undefined when all pass. */
function checkClient(ctx: RequestContext, tenant: string, params: URLSearchParams): GrantOutcome | undefined {
  const fail = (error: AadError): GrantOutcome => ({ ok: false, error });
  if (!isAcceptedTenant(tenant)) return fail(aad.tenantNotFound(tenant));
  const clientId = params.get('client_id') ?? '';
  if (!clientId) return fail(aad.missingParameter('client_id'));
  if (!ctx.emulator.clientPolicy.isKnownClient(clientId)) return fail(aad.unknownClient(clientId));
  if (params.has('client_secret') || params.has('client_assertion')) return fail(aad.publicClientWithSecret());
  if (!header(ctx.req, 'origin')) return fail(aad.spaCrossOriginOnly());
  return undefined;
}

function redeem(ctx: RequestContext, params: URLSearchParams): GrantOutcome {
  const grantType = params.get('grant_type') ?? '';
  switch (grantType) {
    case 'authorization_code':
      return redeemCode(ctx, params);
    case 'refresh_token':
      return redeemRefreshToken(ctx, params);
    case '':
      return { ok: false, error: aad.missingParameter('grant_type') };
    default:
      return { ok: false, error: aad.unsupportedGrantType(grantType) };
  }
}

function redeemCode(ctx: RequestContext, params: URLSearchParams): GrantOutcome {
  const fail = (error: AadError): GrantOutcome => ({ ok: false, error });
  const code = params.get('code') ?? '';
  if (!code) return fail(aad.missingParameter('code'));
  const stored = ctx.emulator.codes.find(code);
  if (!stored) return fail(aad.malformedGrant());
  if (stored.redeemed) return fail(aad.codeAlreadyRedeemed());
  if (ctx.emulator.codes.isExpired(stored)) return fail(aad.codeExpired());
  if (stored.clientId.toLowerCase() !== (params.get('client_id') ?? '').toLowerCase()) return fail(aad.grantForOtherClient());
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!redirectUri) return fail(aad.missingParameter('redirect_uri'));
  if (redirectUri !== stored.redirectUri) return fail(aad.redirectUriDiffersFromAuthorize(redirectUri));
  const verifier = params.get('code_verifier') ?? '';
  if (!verifier) return fail(aad.pkceRequired());
  if (createHash('sha256').update(verifier, 'ascii').digest('base64url') !== stored.codeChallenge) return fail(aad.codeVerifierMismatch());
  const user = findUserByOid(stored.userOid);
  if (!user) return fail(aad.malformedGrant());
  // Single use: only a successful redemption consumes the code.
  stored.redeemed = true;
  const now = ctx.emulator.clock.now();
  return {
    ok: true,
    grant: {
      user,
      clientId: stored.clientId,
      scope: params.get('scope')?.trim() || stored.scope,
      signedInAt: now,
      refreshExpiresAt: now + SPA_REFRESH_TOKEN_LIFETIME_MS,
      clientInfo: params.get('client_info') === '1',
      ...(stored.nonce !== undefined ? { nonce: stored.nonce } : {}),
    },
  };
}

/**
 * Refresh: a new refresh token every time, with the *remaining* lifetime of the sign-in's
 * fixed 24 h (SPA rule); the old one is not revoked (as the real service documents).
 */
function redeemRefreshToken(ctx: RequestContext, params: URLSearchParams): GrantOutcome {
  const fail = (error: AadError): GrantOutcome => ({ ok: false, error });
  const token = params.get('refresh_token') ?? '';
  if (!token) return fail(aad.missingParameter('refresh_token'));
  const record = ctx.emulator.refreshTokens.find(token);
  if (!record) return fail(aad.refreshTokenInvalid());
  if (record.clientId.toLowerCase() !== (params.get('client_id') ?? '').toLowerCase()) return fail(aad.grantForOtherClient());
  if (ctx.emulator.refreshTokens.isExpired(record)) return fail(aad.spaRefreshTokenExpired(record.signedInAt));
  const user = findUserByOid(record.userOid);
  if (!user) return fail(aad.refreshTokenInvalid());
  return {
    ok: true,
    grant: {
      user,
      clientId: record.clientId,
      scope: params.get('scope')?.trim() || record.scope,
      signedInAt: record.signedInAt,
      refreshExpiresAt: record.expiresAt,
      clientInfo: params.get('client_info') === '1',
    },
  };
}
