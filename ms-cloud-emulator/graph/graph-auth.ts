import { header } from '../core/http.ts';
import type { RequestContext } from '../emulator-context.ts';
import type { AccessTokenGrant } from '../identity/access-tokens.ts';
import { hasGraphScope } from '../identity/scopes.ts';
import { findUserByOid, type TestUser } from '../test-users.ts';
import { sendGraphError } from './graph-errors.ts';

/** The caller of a Graph request. */
export interface GraphCaller {
  user: TestUser;
  grant: AccessTokenGrant;
}

/** Microsoft Graph's application id, named in WWW-Authenticate. */
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/**
 * Checks `Authorization: Bearer …`. On failure answers 401 `InvalidAuthenticationToken`
 * with `WWW-Authenticate` (clients refresh their token on that) and returns undefined.
 */
export function authenticate(ctx: RequestContext): GraphCaller | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header(ctx.req, 'authorization'));
  const unauthorized = (message: string) =>
    sendGraphError(ctx, 401, 'InvalidAuthenticationToken', message, {
      'WWW-Authenticate': `Bearer realm="", authorization_uri="${ctx.emulator.baseUrl}/common/oauth2/authorize", client_id="${GRAPH_APP_ID}"`,
    });
  if (!match?.[1]) {
    unauthorized('Access token is empty.');
    return undefined;
  }
  const check = ctx.emulator.accessTokens.check(match[1]);
  if (check.kind === 'unknown') {
    unauthorized('CompactToken parsing failed with error code: 80049217');
    return undefined;
  }
  const user = findUserByOid(check.grant.userOid);
  if (user) ctx.user = user.email;
  if (check.kind === 'expired' || !user) {
    unauthorized('Access token has expired or is not yet valid.');
    return undefined;
  }
  return { user, grant: check.grant };
}

/**
 * Checks the token carries `scope`; else answers 403 with `code` and returns false.
 */
export function requireScope(ctx: RequestContext, caller: GraphCaller, scope: string, code: string, message: string): boolean {
  if (hasGraphScope(caller.grant.graphScopes, scope)) return true;
  sendGraphError(ctx, 403, code, message);
  return false;
}
