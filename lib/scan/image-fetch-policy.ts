import { registrableDomain } from './registrable-domain';

/*
 * Which image URLs the background may fetch for a page (docs/page-scanning.md
 * "Caps"). A page chooses these URLs, so the extension must not become its way
 * into the user's network: hosts on private, loopback or link-local addresses are
 * fetched only for a page that is itself on such a host; and automatic detection,
 * which runs without a click, fetches only from the page's own site.
 */

export type ImageFetchVerdict = { ok: true } | { ok: false; reason: 'not-http' | 'private-host' | 'other-site' };

/** Whether `host` (a URL's hostname, lower case) names this machine or a private network by itself. */
export function isPrivateHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h.endsWith('.internal') || h.endsWith('.home.arpa')) return true;
  // A single-label name (intranet, printer) resolves only inside a network.
  if (!h.includes('.') && !h.includes(':')) return true;
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(h);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 198 && (b === 18 || b === 19));
  }
  if (h.includes(':')) {
    if (h === '::' || h === '::1') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
    if (mapped) return isPrivateHost(mapped[1]!);
    if (/^::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}$/.test(h)) return true; // IPv4-mapped in hex form: refuse rather than decode it
    return /^f[cd][0-9a-f]{2}:/.test(h) || /^fe[89ab][0-9a-f]:/.test(h);
  }
  return false;
}

/**
 * The verdict on fetching `imageUrl` for the page at `pageUrl` (`null` when the
 * browser did not say). `automatic`: automatic detection (no click), limited to
 * the page's own registrable domain.
 */
export function imageFetchVerdict(imageUrl: string, pageUrl: string | null, automatic: boolean): ImageFetchVerdict {
  let image: URL;
  try {
    image = new URL(imageUrl);
  } catch {
    return { ok: false, reason: 'not-http' };
  }
  if (image.protocol !== 'http:' && image.protocol !== 'https:') return { ok: false, reason: 'not-http' };
  let page: URL | null = null;
  try {
    page = pageUrl ? new URL(pageUrl) : null;
  } catch {
    page = null;
  }
  const pageIsPrivate = page !== null && (page.protocol === 'http:' || page.protocol === 'https:') && isPrivateHost(page.hostname);
  if (isPrivateHost(image.hostname) && !pageIsPrivate) return { ok: false, reason: 'private-host' };
  if (automatic) {
    const site = page ? registrableDomain(page.href) : null;
    if (site === null || registrableDomain(image.href) !== site) return { ok: false, reason: 'other-site' };
  }
  return { ok: true };
}
