import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonAtomic } from '../core/atomic-file.ts';
import type { EmulatorClock } from '../core/clock.ts';
import { randomToken, sha256Hex } from '../core/ids.ts';

/** SPA refresh tokens live a fixed 24 h from the sign-in, never extended. */
export const SPA_REFRESH_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Expired records are kept this long to answer AADSTS700084 rather than "unknown token". */
const KEEP_EXPIRED_MS = 7 * 24 * 60 * 60 * 1000;

/** What a refresh token stands for. */
export const RefreshTokenRecord = z.object({
  userOid: z.string(),
  clientId: z.string(),
  /** The scope of the grant that produced it; the default for a refresh without `scope`. */
  scope: z.string(),
  /** When the user signed in (code redeemed): the start of the 24 h. */
  signedInAt: z.number(),
  /** `signedInAt` + 24 h, or earlier when a test expired it. */
  expiresAt: z.number(),
  issuedAt: z.number(),
});
export type RefreshTokenRecord = z.infer<typeof RefreshTokenRecord>;

/** `identity/refresh-tokens.json`: records by SHA-256 of the token. */
export const RefreshTokensFile = z.object({ version: z.literal(1), refreshTokens: z.record(z.string(), RefreshTokenRecord) });
export type RefreshTokensFile = z.infer<typeof RefreshTokensFile>;

/**
 * Refresh tokens, stored on disk (only their hashes) because the extension keeps its refresh
 * token across browser restarts and must be able to use it after an emulator restart too.
 */
export class RefreshTokens {
  private readonly path: string;
  private state: RefreshTokensFile;

  constructor(
    dataDir: string,
    private readonly clock: EmulatorClock,
  ) {
    this.path = join(dataDir, 'identity', 'refresh-tokens.json');
    this.state = readJsonFile(this.path, RefreshTokensFile) ?? { version: 1, refreshTokens: {} };
  }

  /** Issues a new token for `record` (its `issuedAt` is set here). */
  issue(record: Omit<RefreshTokenRecord, 'issuedAt'>): string {
    const token = randomToken('M.C5_EMU.0.U.-', 64);
    const now = this.clock.now();
    for (const [key, old] of Object.entries(this.state.refreshTokens)) {
      if (old.expiresAt + KEEP_EXPIRED_MS < now) delete this.state.refreshTokens[key];
    }
    this.state.refreshTokens[sha256Hex(token)] = { ...record, issuedAt: now };
    this.save();
    return token;
  }

  /** The record of a token, expired or not, if it was issued here. */
  find(token: string): RefreshTokenRecord | undefined {
    return this.state.refreshTokens[sha256Hex(token)];
  }

  /** True once the token's fixed lifetime is over. */
  isExpired(record: RefreshTokenRecord): boolean {
    return record.expiresAt <= this.clock.now();
  }

  /**
   * Ends the lifetime of every live refresh token of `userOid` (or of everyone) now.
   * @returns how many were expired.
   */
  expireFor(userOid?: string): number {
    const now = this.clock.now();
    let count = 0;
    for (const record of Object.values(this.state.refreshTokens)) {
      if ((userOid === undefined || record.userOid === userOid) && record.expiresAt > now) {
        record.expiresAt = now;
        count += 1;
      }
    }
    this.save();
    return count;
  }

  clear(): void {
    this.state = { version: 1, refreshTokens: {} };
    this.save();
  }

  private save(): void {
    writeJsonAtomic(this.path, this.state);
  }
}
