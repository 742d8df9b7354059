import { escapeHtml, header, sendHtml, sendJson } from '../core/http.ts';
import type { RequestContext } from '../emulator-context.ts';
import { aad, aadErrorFields } from './aad-errors.ts';
import { isAcceptedTenant, metadataIssuer } from './tenant.ts';

/** `GET /{tenant}/v2.0/.well-known/openid-configuration`. */
export function handleOpenIdConfiguration(ctx: RequestContext, tenant: string): void {
  if (!rejectUnknownTenant(ctx, tenant)) return;
  const base = ctx.emulator.baseUrl;
  const authority = `${base}/${tenant}`;
  sendJson(ctx.res, 200, {
    token_endpoint: `${authority}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['none'],
    jwks_uri: `${authority}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: metadataIssuer(base, tenant),
    request_uri_parameter_supported: false,
    authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
    claims_supported: ['ver', 'iss', 'sub', 'aud', 'exp', 'iat', 'nbf', 'name', 'preferred_username', 'oid', 'tid', 'nonce'],
    tenant_region_scope: null,
    cloud_instance_name: 'localhost',
    msgraph_host: new URL(base).host,
  });
}

/** `GET /{tenant}/discovery/v2.0/keys`. */
export function handleJwks(ctx: RequestContext, tenant: string): void {
  if (!rejectUnknownTenant(ctx, tenant)) return;
  sendJson(ctx.res, 200, ctx.emulator.signingKey.jwks());
}

/** `GET /error?code=N`: where `error_uri` points. */
export function handleErrorInfo(ctx: RequestContext): void {
  const code = ctx.url.searchParams.get('code') ?? '';
  sendHtml(ctx.res, 200, `<!doctype html><title>AADSTS${escapeHtml(code)}</title><h1>Error code AADSTS${escapeHtml(code)}</h1><p>See docs/ms-cloud-emulator.md.</p>`);
}

function rejectUnknownTenant(ctx: RequestContext, tenant: string): boolean {
  if (isAcceptedTenant(tenant)) return true;
  const error = aad.tenantNotFound(tenant);
  sendJson(ctx.res, 400, aadErrorFields(error, { baseUrl: ctx.emulator.baseUrl, now: ctx.emulator.clock.now(), correlationId: header(ctx.req, 'client-request-id') }));
  return false;
}
