import { BodyTooLargeError, header, readBody, redirect, sendEmpty } from '../core/http.ts';
import { decodeSegment } from '../core/router.ts';
import type { RequestContext } from '../emulator-context.ts';
import type { TestUser } from '../test-users.ts';
import type { StoredFile, WriteConflictBehavior } from './drive-store.ts';
import { appFolderJson, driveJson, fileItemJson, meJson, tagsOf, type ItemRendering } from './drive-item-json.ts';
import { authenticate, requireScope, type GraphCaller } from './graph-auth.ts';
import { graphResponseHeaders, sendGraphError, sendGraphJson } from './graph-errors.ts';
import { preconditionsHold } from './preconditions.ts';

/** Simple uploads larger than this are refused (the notes' limit for small files). */
export const MAX_SIMPLE_UPLOAD_BYTES = 4 * 1024 * 1024;

const APP_FOLDER_SCOPE = 'Files.ReadWrite.AppFolder';

/** Characters OneDrive refuses in names (`/` too: the emulator has no sub-folders). */
const INVALID_NAME = /["*:<>?/\\|]/;

/** Handles everything under `/v1.0`. Authentication comes first, as on the real Graph. */
export async function handleGraph(ctx: RequestContext): Promise<void> {
  const caller = authenticate(ctx);
  if (!caller) return;
  const method = ctx.req.method ?? 'GET';
  const path = ctx.url.pathname.slice('/v1.0'.length);

  if (/^\/me\/?$/i.test(path)) {
    if (!allowMethods(ctx, method, ['GET'])) return;
    if (!requireScope(ctx, caller, 'User.Read', 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.')) return;
    sendGraphJson(ctx, 200, meJson(caller.user, ctx.emulator.baseUrl));
    return;
  }
  if (!requireDriveScope(ctx, caller)) return;
  if (/^\/me\/drive\/?$/i.test(path)) {
    if (!allowMethods(ctx, method, ['GET'])) return;
    const used = ctx.emulator.drives.files(caller.user).reduce((sum, f) => sum + f.size, 0);
    sendGraphJson(ctx, 200, driveJson(caller.user, used, ctx.emulator.baseUrl));
    return;
  }
  const approot = /^\/me\/drive\/special\/approot(.*)$/i.exec(path);
  if (approot) {
    await handleAppRoot(ctx, caller.user, method, approot[1] ?? '');
    return;
  }
  const byId = /^\/me\/drive\/items\/([^/]+?)(\/content)?\/?$/i.exec(path);
  if (byId?.[1]) {
    await handleItemById(ctx, caller.user, method, decodeSegment(byId[1]) ?? '', byId[2] !== undefined);
    return;
  }
  unknownSegment(ctx, path);
}

function requireDriveScope(ctx: RequestContext, caller: GraphCaller): boolean {
  return requireScope(ctx, caller, APP_FOLDER_SCOPE, 'accessDenied', `Access denied: the token lacks ${APP_FOLDER_SCOPE}.`);
}

/** `…/special/approot`, `…/approot/children`, `…/approot:/{name}[:]`, `…/approot:/{name}:/content`. */
async function handleAppRoot(ctx: RequestContext, user: TestUser, method: string, tail: string): Promise<void> {
  if (tail === '' || tail === '/') {
    if (!allowMethods(ctx, method, ['GET'])) return;
    const folder = ctx.emulator.drives.appFolder(user, true);
    if (folder) sendGraphJson(ctx, 200, appFolderJson(folder, rendering(ctx, user)));
    return;
  }
  if (/^\/children\/?$/i.test(tail)) {
    if (!allowMethods(ctx, method, ['GET'])) return;
    ctx.emulator.drives.appFolder(user, true);
    sendGraphJson(ctx, 200, {
      '@odata.context': `${ctx.emulator.baseUrl}/v1.0/$metadata#Collection(driveItem)`,
      value: ctx.emulator.drives.files(user).map((file) => fileJson(ctx, user, file)),
    });
    return;
  }
  if (!tail.startsWith(':/')) {
    unknownSegment(ctx, `/me/drive/special/approot${tail}`);
    return;
  }
  const content = /:\/content\/?$/i.exec(tail);
  const encodedName = (content ? tail.slice(0, content.index) : tail).slice(2).replace(/:$/, '');
  const name = decodeSegment(encodedName);
  if (!name || INVALID_NAME.test(name) || name.trim() !== name || name === '.' || name === '..') {
    sendGraphError(ctx, 400, 'invalidRequest', `The provided name '${name ?? encodedName}' is not valid (one file name directly in the app folder, no " * : < > ? / \\ |).`);
    return;
  }
  const existing = ctx.emulator.drives.findByName(user, name);
  if (content) {
    if (!allowMethods(ctx, method, ['GET', 'PUT'])) return;
    if (method === 'PUT') await upload(ctx, user, name);
    else redirectToDownload(ctx, user, existing);
    return;
  }
  if (!allowMethods(ctx, method, ['GET', 'DELETE'], 'Upload content with PUT …:/{name}:/content.')) return;
  if (method === 'DELETE') deleteFile(ctx, user, existing);
  else if (existing) sendGraphJson(ctx, 200, fileJson(ctx, user, existing));
  else itemNotFound(ctx);
}

/** `/me/drive/items/{id}` and `/me/drive/items/{id}/content`. */
async function handleItemById(ctx: RequestContext, user: TestUser, method: string, id: string, content: boolean): Promise<void> {
  const folder = ctx.emulator.drives.appFolder(user, false);
  if (!content && folder && folder.id.toLowerCase() === id.toLowerCase()) {
    if (!allowMethods(ctx, method, ['GET'])) return;
    sendGraphJson(ctx, 200, appFolderJson(folder, rendering(ctx, user)));
    return;
  }
  const file = ctx.emulator.drives.findById(user, id);
  if (content) {
    if (!allowMethods(ctx, method, ['GET', 'PUT'])) return;
    if (method === 'GET') redirectToDownload(ctx, user, file);
    else if (file) await upload(ctx, user, file.name);
    else itemNotFound(ctx);
    return;
  }
  if (!allowMethods(ctx, method, ['GET', 'DELETE'])) return;
  if (method === 'DELETE') deleteFile(ctx, user, file);
  else if (file) sendGraphJson(ctx, 200, fileJson(ctx, user, file));
  else itemNotFound(ctx);
}

/**
 * `PUT …:/content`: 201 new / 200 replaced; If-Match, If-None-Match and conflictBehavior
 * checked after the body arrived and right before the write, with no await in between, so no
 * other request can change the file in the meantime.
 */
async function upload(ctx: RequestContext, user: TestUser, name: string): Promise<void> {
  const behavior = ctx.url.searchParams.get('@microsoft.graph.conflictBehavior') ?? 'replace';
  if (behavior !== 'replace' && behavior !== 'fail' && behavior !== 'rename') {
    sendGraphError(ctx, 400, 'invalidRequest', `Invalid value for @microsoft.graph.conflictBehavior: '${behavior}' (fail, replace or rename).`);
    return;
  }
  let body: Buffer;
  try {
    body = await readBody(ctx.req, MAX_SIMPLE_UPLOAD_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      sendGraphError(ctx, 413, 'requestTooLarge', `Simple upload is limited to ${MAX_SIMPLE_UPLOAD_BYTES} bytes; use an upload session.`);
      return;
    }
    throw error;
  }
  const existing = ctx.emulator.drives.findByName(user, name);
  if (!conditionsHold(ctx, existing)) return;
  if (existing && behavior === 'fail') {
    sendGraphError(ctx, 409, 'nameAlreadyExists', 'Name already exists');
    return;
  }
  const conflict: WriteConflictBehavior = behavior === 'rename' ? 'rename' : 'replace';
  const result = ctx.emulator.drives.put(user, name, body, conflict);
  sendGraphJson(ctx, result.created ? 201 : 200, fileJson(ctx, user, result.file));
}

function deleteFile(ctx: RequestContext, user: TestUser, file: StoredFile | undefined): void {
  if (!file) {
    itemNotFound(ctx);
    return;
  }
  if (!conditionsHold(ctx, file)) return;
  ctx.emulator.drives.delete(user, file);
  sendEmpty(ctx.res, 204, graphResponseHeaders(ctx));
}

/** `GET …/content`: 302 to a pre-authenticated URL, as Graph does (never the bytes). */
function redirectToDownload(ctx: RequestContext, user: TestUser, file: StoredFile | undefined): void {
  if (!file) {
    itemNotFound(ctx);
    return;
  }
  redirect(ctx.res, ctx.emulator.downloads.create(ctx.emulator.baseUrl, user.oid, file.id), graphResponseHeaders(ctx));
}

/** Answers 412 and returns false when If-Match / If-None-Match fail. */
function conditionsHold(ctx: RequestContext, current: StoredFile | undefined): boolean {
  const ok = preconditionsHold(
    { ifMatch: header(ctx.req, 'if-match'), ifNoneMatch: header(ctx.req, 'if-none-match') },
    current ? tagsOf(current) : undefined,
  );
  if (!ok) sendGraphError(ctx, 412, 'resourceModified', "ETag does not match current item's value");
  return ok;
}

function fileJson(ctx: RequestContext, user: TestUser, file: StoredFile) {
  const folder = ctx.emulator.drives.appFolder(user, false);
  if (!folder) throw new Error(`file ${file.id} has no app folder`);
  const downloadUrl = ctx.emulator.downloads.create(ctx.emulator.baseUrl, user.oid, file.id);
  return fileItemJson(file, folder, downloadUrl, rendering(ctx, user));
}

function rendering(ctx: RequestContext, user: TestUser): ItemRendering {
  return { baseUrl: ctx.emulator.baseUrl, user, appFolderName: ctx.emulator.appFolderName };
}

function itemNotFound(ctx: RequestContext): void {
  sendGraphError(ctx, 404, 'itemNotFound', 'The resource could not be found.');
}

function unknownSegment(ctx: RequestContext, path: string): void {
  const segment = path.split('/').filter(Boolean).pop() ?? '';
  sendGraphError(ctx, 400, 'BadRequest', `Resource not found for the segment '${decodeSegment(segment) ?? segment}'.`);
}

/** Answers 405 and returns false when `method` is not one of `allowed`. */
function allowMethods(ctx: RequestContext, method: string, allowed: string[], hint = ''): boolean {
  if (allowed.includes(method)) return true;
  sendGraphError(ctx, 405, 'invalidRequest', `Method ${method} is not supported here.${hint ? ` ${hint}` : ''}`, { Allow: allowed.join(', ') });
  return false;
}
