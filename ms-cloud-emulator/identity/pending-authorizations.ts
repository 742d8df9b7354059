import type { EmulatorClock } from '../core/clock.ts';
import { randomToken } from '../core/ids.ts';
import type { AuthorizeRequest } from './authorize-request.ts';

/** How long a sign-in page stays usable, ms. */
const PENDING_LIFETIME_MS = 60 * 60 * 1000;

/**
 * Authorize requests waiting for the user on the sign-in pages, by an opaque `ctx` the forms
 * carry (the real pages do the same), so no OAuth parameter travels through the HTML.
 * In memory: a restart simply makes the user start again.
 */
export class PendingAuthorizations {
  private readonly pending = new Map<string, { request: AuthorizeRequest; expiresAt: number }>();

  constructor(private readonly clock: EmulatorClock) {}

  /** Stores `request`; returns its `ctx`. */
  add(request: AuthorizeRequest): string {
    this.prune();
    const ctx = randomToken('', 18);
    this.pending.set(ctx, { request, expiresAt: this.clock.now() + PENDING_LIFETIME_MS });
    return ctx;
  }

  /** The request behind `ctx`, unless unknown or older than an hour. */
  get(ctx: string): AuthorizeRequest | undefined {
    const entry = this.pending.get(ctx);
    if (!entry || entry.expiresAt <= this.clock.now()) return undefined;
    return entry.request;
  }

  /** Forgets `ctx` once the request is answered. */
  delete(ctx: string): void {
    this.pending.delete(ctx);
  }

  clear(): void {
    this.pending.clear();
  }

  private prune(): void {
    const now = this.clock.now();
    for (const [ctx, entry] of this.pending) if (entry.expiresAt <= now) this.pending.delete(ctx);
  }
}
