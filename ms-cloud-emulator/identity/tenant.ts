import { PERSONAL_TENANT_ID } from '../test-users.ts';

/**
 * Tenant path segments the emulator serves. Only personal accounts exist, so `consumers`,
 * `common` and the personal tenant id all mean the same directory; `organizations` and work
 * tenants are unknown (AADSTS90002), like a personal-only app would see.
 */
const ACCEPTED_TENANTS = new Set(['consumers', 'common', PERSONAL_TENANT_ID]);

/** True when `/{tenant}/…` names a tenant the emulator serves (case-insensitive). */
export function isAcceptedTenant(tenant: string): boolean {
  return ACCEPTED_TENANTS.has(tenant.toLowerCase());
}

/**
 * The `issuer` of the openid-configuration for a tenant segment. `common` returns the
 * `{tenantid}` template, as the real endpoint does; the others the personal tenant id.
 * Always on the emulator's own origin: msal-common rejects an issuer on another host.
 */
export function metadataIssuer(baseUrl: string, tenant: string): string {
  return tenant.toLowerCase() === 'common' ? `${baseUrl}/{tenantid}/v2.0` : idTokenIssuer(baseUrl);
}

/** The `iss` claim of every id_token: personal accounts' tenant. */
export function idTokenIssuer(baseUrl: string): string {
  return `${baseUrl}/${PERSONAL_TENANT_ID}/v2.0`;
}
