import type { RequestContext } from '../emulator-context.ts';
import { findUserByOid } from '../test-users.ts';
import { tagsOf } from './drive-item-json.ts';
import { sendGraphError } from './graph-errors.ts';

/**
 * `GET /_content/{token}`: the pre-authenticated download URL. No bearer token: the URL is
 * the credential, for 5 minutes. Serves the item's current bytes.
 */
export function handleDownload(ctx: RequestContext, token: string): void {
  const link = ctx.emulator.downloads.check(token);
  if (link.kind !== 'valid') {
    sendGraphError(ctx, 401, 'unauthenticated', link.kind === 'expired' ? 'The download URL has expired.' : 'The download URL is not valid.');
    return;
  }
  const user = findUserByOid(link.userOid);
  const file = user ? ctx.emulator.drives.findById(user, link.itemId) : undefined;
  if (!user || !file) {
    sendGraphError(ctx, 404, 'itemNotFound', 'The resource could not be found.');
    return;
  }
  ctx.user = user.email;
  const bytes = ctx.emulator.drives.readContent(user, file);
  ctx.res.writeHead(200, {
    'Content-Type': file.mimeType,
    'Content-Length': String(bytes.length),
    ETag: tagsOf(file).eTag,
    'Cache-Control': 'no-cache',
  });
  ctx.res.end(bytes);
}
