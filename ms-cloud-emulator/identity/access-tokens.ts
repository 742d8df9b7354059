import type { EmulatorClock } from '../core/clock.ts';
import { randomToken } from '../core/ids.ts';

/** Access tokens are valid one hour (`expires_in` 3600). */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 3600;

/** What Graph learns from an access token. */
export interface AccessTokenGrant {
  userOid: string;
  clientId: string;
  /** Graph permissions (canonical spelling). */
  graphScopes: string[];
}

interface StoredAccessToken extends AccessTokenGrant {
  expiresAt: number;
}

/** Result of presenting a bearer token to Graph. */
export type AccessTokenCheck =
  | { kind: 'valid'; grant: AccessTokenGrant }
  | { kind: 'expired'; grant: AccessTokenGrant }
  | { kind: 'unknown' };

/**
 * Access tokens: opaque (personal-account Graph tokens are not JWTs either) and in memory, so
 * an emulator restart invalidates them and the client must refresh, as after any 401.
 */
export class AccessTokens {
  private readonly tokens = new Map<string, StoredAccessToken>();

  constructor(private readonly clock: EmulatorClock) {}

  issue(grant: AccessTokenGrant): string {
    this.prune();
    const token = randomToken('EwA', 96);
    this.tokens.set(token, { ...grant, expiresAt: this.clock.now() + ACCESS_TOKEN_LIFETIME_SECONDS * 1000 });
    return token;
  }

  check(token: string): AccessTokenCheck {
    const stored = this.tokens.get(token);
    if (!stored) return { kind: 'unknown' };
    const { expiresAt, ...grant } = stored;
    return expiresAt > this.clock.now() ? { kind: 'valid', grant } : { kind: 'expired', grant };
  }

  /** Expires every live token of `userOid` (or everyone's) now; returns how many. */
  expireFor(userOid?: string): number {
    const now = this.clock.now();
    let count = 0;
    for (const stored of this.tokens.values()) {
      if ((userOid === undefined || stored.userOid === userOid) && stored.expiresAt > now) {
        stored.expiresAt = now;
        count += 1;
      }
    }
    return count;
  }

  clear(): void {
    this.tokens.clear();
  }

  /** Forgets tokens expired for over a day (kept until then to answer "expired" precisely). */
  private prune(): void {
    const cutoff = this.clock.now() - 24 * 60 * 60 * 1000;
    for (const [token, stored] of this.tokens) if (stored.expiresAt < cutoff) this.tokens.delete(token);
  }
}
