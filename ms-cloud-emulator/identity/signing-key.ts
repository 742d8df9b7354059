import { createSign, generateKeyPairSync, randomBytes, type JsonWebKey, type KeyObject } from 'node:crypto';
import { base64Url } from '../core/ids.ts';

/** The RSA key that signs id_tokens, and its public half as a JWK set. */
export interface SigningKey {
  readonly kid: string;
  /** The JWKS document served at `/{tenant}/discovery/v2.0/keys`. */
  jwks(): { keys: JsonWebKey[] };
  /** A compact RS256 JWT of `claims`, header `{typ:"JWT", alg:"RS256", kid}`. */
  signJwt(claims: Record<string, unknown>): string;
}

/**
 * Generates an RSA-2048 signing key in memory (never stored: a restart publishes a new key,
 * which MSAL does not mind since it does not verify id_token signatures).
 */
export function createSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(12).toString('base64url');
  return {
    kid,
    jwks: () => ({ keys: [publicJwk(publicKey, kid)] }),
    signJwt: (claims) => signRs256(privateKey, kid, claims),
  };
}

function publicJwk(publicKey: KeyObject, kid: string): JsonWebKey {
  const { n, e } = publicKey.export({ format: 'jwk' });
  return { kty: 'RSA', use: 'sig', alg: 'RS256', kid, n, e };
}

function signRs256(privateKey: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const signingInput = `${base64Url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid }))}.${base64Url(JSON.stringify(claims))}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(privateKey);
  return `${signingInput}.${signature.toString('base64url')}`;
}
