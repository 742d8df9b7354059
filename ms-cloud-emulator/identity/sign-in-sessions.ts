import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonAtomic } from '../core/atomic-file.ts';
import type { EmulatorClock } from '../core/clock.ts';
import { randomToken, sha256Hex } from '../core/ids.ts';

/** Name of the identity-provider session cookie (the real service's name). */
export const SESSION_COOKIE = 'ESTSAUTH';

/** One account signed in within a session. */
export const SessionAccount = z.object({ userOid: z.string(), signedInAt: z.number() });
export type SessionAccount = z.infer<typeof SessionAccount>;

/** A browser's sign-in session: the accounts it signed in to, most recent first. */
export const SignInSession = z.object({ createdAt: z.number(), accounts: z.array(SessionAccount) });
export type SignInSession = z.infer<typeof SignInSession>;

/** `identity/sessions.json`: sessions by SHA-256 of the cookie value. */
export const SessionsFile = z.object({ version: z.literal(1), sessions: z.record(z.string(), SignInSession) });
export type SessionsFile = z.infer<typeof SessionsFile>;

/**
 * Identity-provider sessions, stored (hashed cookie → accounts) so they survive an emulator
 * restart the way a real provider's sessions outlive a server deploy. The cookie itself is a
 * browser session cookie, so a browser restart ends it on the client side.
 */
export class SignInSessions {
  private readonly path: string;
  private state: SessionsFile;

  constructor(
    dataDir: string,
    private readonly clock: EmulatorClock,
  ) {
    this.path = join(dataDir, 'identity', 'sessions.json');
    this.state = readJsonFile(this.path, SessionsFile) ?? { version: 1, sessions: {} };
  }

  /** The session behind a cookie value, if it exists and holds an account. */
  find(cookieValue: string | undefined): SignInSession | undefined {
    if (!cookieValue) return undefined;
    const session = this.state.sessions[sha256Hex(cookieValue)];
    return session && session.accounts.length > 0 ? session : undefined;
  }

  /**
   * Records that `userOid` signed in within the session of `cookieValue` (a new session when
   * there is none). The account moves to the front of the session's list.
   * @returns the cookie value to set (the same one when the session existed).
   */
  signIn(cookieValue: string | undefined, userOid: string): string {
    const now = this.clock.now();
    const existing = cookieValue ? this.state.sessions[sha256Hex(cookieValue)] : undefined;
    const value = existing && cookieValue ? cookieValue : randomToken('', 32);
    const session = existing ?? { createdAt: now, accounts: [] };
    session.accounts = [{ userOid, signedInAt: now }, ...session.accounts.filter((a) => a.userOid !== userOid)];
    this.state.sessions[sha256Hex(value)] = session;
    this.save();
    return value;
  }

  /** Ends the session of a cookie (logout). */
  end(cookieValue: string | undefined): void {
    if (!cookieValue) return;
    if (delete this.state.sessions[sha256Hex(cookieValue)]) this.save();
  }

  /**
   * Ends sessions for tests: removes `userOid` from every session, or every session.
   * @returns how many sessions were changed or removed.
   */
  endFor(userOid?: string): number {
    let changed = 0;
    for (const [key, session] of Object.entries(this.state.sessions)) {
      const before = session.accounts.length;
      session.accounts = userOid ? session.accounts.filter((a) => a.userOid !== userOid) : [];
      if (session.accounts.length !== before) changed += 1;
      if (session.accounts.length === 0) delete this.state.sessions[key];
    }
    this.save();
    return changed;
  }

  clear(): void {
    this.state = { version: 1, sessions: {} };
    this.save();
  }

  private save(): void {
    writeJsonAtomic(this.path, this.state);
  }
}
