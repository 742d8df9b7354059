import type { EmulatorClock } from '../core/clock.ts';
import { randomToken } from '../core/ids.ts';

/** Pre-authenticated download URLs are valid 5 minutes. */
export const DOWNLOAD_LINK_LIFETIME_MS = 5 * 60 * 1000;

/** Path prefix of download URLs. */
export const DOWNLOAD_PATH_PREFIX = '/_content/';

/** Result of following a download URL. */
export type DownloadLinkCheck =
  | { kind: 'valid'; userOid: string; itemId: string }
  | { kind: 'expired' }
  | { kind: 'unknown' };

/**
 * Short-lived URLs that fetch a file without a bearer token, like Graph's
 * `@microsoft.graph.downloadUrl`. In memory only: they must not be stored by clients.
 */
export class DownloadLinks {
  private readonly links = new Map<string, { userOid: string; itemId: string; expiresAt: number }>();

  constructor(private readonly clock: EmulatorClock) {}

  /** A new URL (absolute, on `baseUrl`) for the item. */
  create(baseUrl: string, userOid: string, itemId: string): string {
    const now = this.clock.now();
    for (const [token, link] of this.links) if (link.expiresAt <= now) this.links.delete(token);
    const token = randomToken('', 24);
    this.links.set(token, { userOid, itemId, expiresAt: now + DOWNLOAD_LINK_LIFETIME_MS });
    return `${baseUrl}${DOWNLOAD_PATH_PREFIX}${token}`;
  }

  check(token: string): DownloadLinkCheck {
    const link = this.links.get(token);
    if (!link) return { kind: 'unknown' };
    if (link.expiresAt <= this.clock.now()) return { kind: 'expired' };
    return { kind: 'valid', userOid: link.userOid, itemId: link.itemId };
  }

  clear(): void {
    this.links.clear();
  }
}
