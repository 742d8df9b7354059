import type { EmulatorClock } from '../core/clock.ts';
import { randomToken } from '../core/ids.ts';

/** Authorization codes expire 10 minutes after issue. */
export const CODE_LIFETIME_MS = 10 * 60 * 1000;

/** What a code stands for, checked at redemption. */
export interface AuthorizationCodeGrant {
  clientId: string;
  redirectUri: string;
  userOid: string;
  scope: string;
  codeChallenge: string;
  nonce?: string;
}

/** A stored code with its bookkeeping. */
export interface StoredAuthorizationCode extends AuthorizationCodeGrant {
  issuedAt: number;
  redeemed: boolean;
}

/** Issued codes, in memory (they live 10 minutes; a restart loses them like any outage). */
export class AuthorizationCodes {
  private readonly codes = new Map<string, StoredAuthorizationCode>();

  constructor(private readonly clock: EmulatorClock) {}

  /** Issues a single-use code for `grant`. */
  issue(grant: AuthorizationCodeGrant): string {
    this.prune();
    const code = randomToken('M.C5_EMU.2.U.', 48);
    this.codes.set(code, { ...grant, issuedAt: this.clock.now(), redeemed: false });
    return code;
  }

  /** The code's record, redeemed or not, expired or not (the caller tells those apart). */
  find(code: string): StoredAuthorizationCode | undefined {
    return this.codes.get(code);
  }

  /** True when the code is past its 10 minutes. */
  isExpired(stored: StoredAuthorizationCode): boolean {
    return this.clock.now() - stored.issuedAt >= CODE_LIFETIME_MS;
  }

  clear(): void {
    this.codes.clear();
  }

  /** Drops codes long past expiry; redeemed ones are kept a while to answer reuse precisely. */
  private prune(): void {
    const now = this.clock.now();
    for (const [code, stored] of this.codes) if (now - stored.issuedAt > 6 * CODE_LIFETIME_MS) this.codes.delete(code);
  }
}
