import { createHash } from 'node:crypto';
import { base64Url } from '../core/ids.ts';
import { PERSONAL_TENANT_ID, type TestUser } from '../test-users.ts';
import { ACCESS_TOKEN_LIFETIME_SECONDS, type AccessTokens } from './access-tokens.ts';
import type { RefreshTokens } from './refresh-tokens.ts';
import { grantedScopeText, parseScopes } from './scopes.ts';
import type { SigningKey } from './signing-key.ts';
import { idTokenIssuer } from './tenant.ts';

/** The successful token-endpoint answer (field order as the real one). */
export interface TokenResponse {
  token_type: 'Bearer';
  scope: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  id_token?: string;
  client_info?: string;
}

/** What a token answer is issued for. */
export interface TokenGrant {
  user: TestUser;
  clientId: string;
  scope: string;
  /** Start of the refresh-token family's 24 h. */
  signedInAt: number;
  /** Fixed end of the refresh-token family. */
  refreshExpiresAt: number;
  nonce?: string;
  clientInfo: boolean;
}

/** Stores and keys needed to issue tokens. */
export interface TokenIssuerDeps {
  baseUrl: string;
  now: number;
  accessTokens: AccessTokens;
  refreshTokens: RefreshTokens;
  signingKey: SigningKey;
}

/**
 * Issues an access token, a refresh token (when `offline_access` was asked for), an id_token
 * (when `openid` was) and `client_info` (when asked for), like the v2.0 token endpoint.
 */
export function issueTokens(grant: TokenGrant, deps: TokenIssuerDeps): TokenResponse {
  const scopes = parseScopes(grant.scope);
  const nowSeconds = Math.floor(deps.now / 1000);
  const response: TokenResponse = {
    token_type: 'Bearer',
    scope: grantedScopeText(scopes),
    expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
    ext_expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
    access_token: deps.accessTokens.issue({ userOid: grant.user.oid, clientId: grant.clientId, graphScopes: scopes.graph }),
  };
  if (scopes.offlineAccess) {
    response.refresh_token = deps.refreshTokens.issue({
      userOid: grant.user.oid,
      clientId: grant.clientId,
      scope: grant.scope,
      signedInAt: grant.signedInAt,
      expiresAt: grant.refreshExpiresAt,
    });
    response.refresh_token_expires_in = Math.max(0, Math.floor((grant.refreshExpiresAt - deps.now) / 1000));
  }
  if (scopes.openid) {
    response.id_token = deps.signingKey.signJwt({
      ver: '2.0',
      iss: idTokenIssuer(deps.baseUrl),
      sub: pairwiseSubject(grant.user.oid, grant.clientId),
      aud: grant.clientId,
      exp: nowSeconds + ACCESS_TOKEN_LIFETIME_SECONDS,
      iat: nowSeconds,
      nbf: nowSeconds,
      name: grant.user.displayName,
      preferred_username: grant.user.email,
      oid: grant.user.oid,
      tid: PERSONAL_TENANT_ID,
      ...(grant.nonce !== undefined ? { nonce: grant.nonce } : {}),
    });
  }
  if (grant.clientInfo) response.client_info = clientInfo(grant.user);
  return response;
}

/** base64url of `{"uid": oid, "utid": tenant}`: MSAL builds the home account id from it. */
export function clientInfo(user: TestUser): string {
  return base64Url(JSON.stringify({ uid: user.oid, utid: PERSONAL_TENANT_ID }));
}

/** `sub` is pairwise: stable for a user and an app, different between apps. */
function pairwiseSubject(oid: string, clientId: string): string {
  return createHash('sha256').update(`${clientId.toLowerCase()}|${oid}`).digest('base64url').slice(0, 43);
}
