import { z } from 'zod';
import { readBody, sendEmpty, sendJson } from '../core/http.ts';
import { decodeSegment, type Route } from '../core/router.ts';
import type { RequestContext } from '../emulator-context.ts';
import { appFolderJson, fileItemJson, tagsOf } from '../graph/drive-item-json.ts';

/** Largest file the control API plants "as another device" (bytes): 64 MiB, beyond Graph's simple upload. */
export const MAX_PLANTED_FILE_BYTES = 64 * 1024 * 1024;
import { findUserByEmail, graphUserId, TEST_USER_PASSWORD, TEST_USERS, type TestUser } from '../test-users.ts';
import { FaultRuleInput } from './faults.ts';

const ExpireTokensInput = z.strictObject({ user: z.string().optional(), kind: z.enum(['access', 'refresh', 'all']) });
const ClockInput = z.strictObject({ advanceSeconds: z.number().min(0).max(10 * 365 * 24 * 3600) });
const EndSessionsInput = z.strictObject({ user: z.string().optional() });

/** Thrown by handlers for a 4xx control answer `{"error": message}`. */
class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}

/** The test control interface under `/_emulator/` (JSON, no auth; see docs/ms-cloud-emulator.md). */
export const controlRoutes: Route<RequestContext>[] = [
  {
    method: 'GET',
    pattern: /^\/_emulator\/users$/,
    cors: 'any-origin',
    handle: (ctx) =>
      sendJson(ctx.res, 200, TEST_USERS.map((u) => ({ email: u.email, displayName: u.displayName, oid: u.oid, graphId: graphUserId(u), password: TEST_USER_PASSWORD }))),
  },
  { method: 'GET', pattern: /^\/_emulator\/faults$/, cors: 'any-origin', handle: (ctx) => sendJson(ctx.res, 200, ctx.emulator.faults.list()) },
  {
    method: 'POST',
    pattern: /^\/_emulator\/faults$/,
    cors: 'any-origin',
    handle: async (ctx) => sendJson(ctx.res, 201, ctx.emulator.faults.add(await readInput(ctx, FaultRuleInput))),
  },
  {
    method: 'DELETE',
    pattern: /^\/_emulator\/faults$/,
    cors: 'any-origin',
    handle: (ctx) => {
      ctx.emulator.faults.clear();
      sendEmpty(ctx.res, 204);
    },
  },
  {
    method: 'POST',
    pattern: /^\/_emulator\/tokens\/expire$/,
    cors: 'any-origin',
    handle: async (ctx) => {
      const input = await readInput(ctx, ExpireTokensInput);
      const oid = input.user === undefined ? undefined : userOf(input.user).oid;
      sendJson(ctx.res, 200, {
        expiredAccessTokens: input.kind === 'refresh' ? 0 : ctx.emulator.accessTokens.expireFor(oid),
        expiredRefreshTokens: input.kind === 'access' ? 0 : ctx.emulator.refreshTokens.expireFor(oid),
      });
    },
  },
  { method: 'GET', pattern: /^\/_emulator\/clock$/, cors: 'any-origin', handle: (ctx) => sendClock(ctx) },
  {
    method: 'POST',
    pattern: /^\/_emulator\/clock$/,
    cors: 'any-origin',
    handle: async (ctx) => {
      ctx.emulator.clock.advance((await readInput(ctx, ClockInput)).advanceSeconds);
      sendClock(ctx);
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/_emulator\/clock$/,
    cors: 'any-origin',
    handle: (ctx) => {
      ctx.emulator.clock.reset();
      sendClock(ctx);
    },
  },
  {
    method: 'POST',
    pattern: /^\/_emulator\/sessions\/end$/,
    cors: 'any-origin',
    handle: async (ctx) => {
      const input = await readInput(ctx, EndSessionsInput);
      sendJson(ctx.res, 200, { endedSessions: ctx.emulator.sessions.endFor(input.user === undefined ? undefined : userOf(input.user).oid) });
    },
  },
  {
    method: 'GET',
    pattern: /^\/_emulator\/files\/([^/]+)$/,
    cors: 'any-origin',
    handle: (ctx, match) => {
      const user = userOf(segment(match[1]));
      const folder = ctx.emulator.drives.appFolder(user, false);
      sendJson(ctx.res, 200, {
        appFolderExists: folder !== undefined,
        ...(folder ? { appFolder: appFolderJson(folder, rendering(ctx, user)) } : {}),
        files: ctx.emulator.drives.files(user).map((file) => fileJson(ctx, user, file.name)),
      });
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/_emulator\/files\/([^/]+)$/,
    cors: 'any-origin',
    handle: (ctx, match) => {
      ctx.emulator.drives.deleteAppFolder(userOf(segment(match[1])));
      sendEmpty(ctx.res, 204);
    },
  },
  {
    method: 'GET',
    pattern: /^\/_emulator\/files\/([^/]+)\/([^/]+)$/,
    cors: 'any-origin',
    handle: (ctx, match) => {
      const user = userOf(segment(match[1]));
      const file = existingFile(ctx, user, segment(match[2]));
      if (ctx.url.searchParams.get('view') === 'metadata') {
        sendJson(ctx.res, 200, fileJson(ctx, user, file.name));
        return;
      }
      const bytes = ctx.emulator.drives.readContent(user, file);
      const tags = tagsOf(file);
      ctx.res.writeHead(200, {
        'Content-Type': file.mimeType,
        'Content-Length': String(bytes.length),
        ETag: tags.eTag,
        'X-Emulator-CTag': tags.cTag,
        'Access-Control-Expose-Headers': 'ETag, X-Emulator-CTag',
      });
      ctx.res.end(bytes);
    },
  },
  {
    method: 'PUT',
    pattern: /^\/_emulator\/files\/([^/]+)\/([^/]+)$/,
    cors: 'any-origin',
    handle: async (ctx, match) => {
      const user = userOf(segment(match[1]));
      const name = segment(match[2]);
      if (/["*:<>?/\\|]/.test(name) || name.trim() !== name) throw new ControlError(400, `invalid file name '${name}'`);
      // Files put there by the web UI or a sync client may be far larger than a simple upload:
      // tests plant huge files to check the extension never downloads them.
      const bytes = await readBody(ctx.req, MAX_PLANTED_FILE_BYTES);
      const result = ctx.emulator.drives.put(user, name, bytes, 'replace');
      sendJson(ctx.res, result.created ? 201 : 200, fileJson(ctx, user, result.file.name));
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/_emulator\/files\/([^/]+)\/([^/]+)$/,
    cors: 'any-origin',
    handle: (ctx, match) => {
      const user = userOf(segment(match[1]));
      ctx.emulator.drives.delete(user, existingFile(ctx, user, segment(match[2])));
      sendEmpty(ctx.res, 204);
    },
  },
  { method: 'GET', pattern: /^\/_emulator\/log$/, cors: 'any-origin', handle: (ctx) => sendJson(ctx.res, 200, ctx.emulator.log.list()) },
  {
    method: 'DELETE',
    pattern: /^\/_emulator\/log$/,
    cors: 'any-origin',
    handle: (ctx) => {
      ctx.emulator.log.clear();
      sendEmpty(ctx.res, 204);
    },
  },
  {
    method: 'POST',
    pattern: /^\/_emulator\/reset$/,
    cors: 'any-origin',
    handle: (ctx) => {
      const e = ctx.emulator;
      e.faults.clear();
      e.log.clear();
      e.clock.reset();
      e.sessions.clear();
      e.pending.clear();
      e.codes.clear();
      e.accessTokens.clear();
      e.refreshTokens.clear();
      e.downloads.clear();
      e.drives.clear();
      sendEmpty(ctx.res, 204);
    },
  },
];

/** Answers a {@link ControlError} thrown by a control handler; false for other errors. */
export function sendControlError(ctx: RequestContext, error: unknown): boolean {
  if (!(error instanceof ControlError)) return false;
  sendJson(ctx.res, error.status, { error: error.message });
  return true;
}

async function readInput<Schema extends z.ZodType>(ctx: RequestContext, schema: Schema): Promise<z.infer<Schema>> {
  const text = (await readBody(ctx.req, 64 * 1024)).toString('utf8');
  let json: unknown;
  try {
    json = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new ControlError(400, 'body is not valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ControlError(400, parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; '));
  }
  return parsed.data;
}

function sendClock(ctx: RequestContext): void {
  sendJson(ctx.res, 200, { now: new Date(ctx.emulator.clock.now()).toISOString(), offsetSeconds: ctx.emulator.clock.offsetSeconds() });
}

function segment(raw: string | undefined): string {
  const decoded = decodeSegment(raw ?? '');
  if (decoded === undefined) throw new ControlError(400, `bad percent-encoding in '${raw}'`);
  return decoded;
}

function userOf(email: string): TestUser {
  const user = findUserByEmail(email);
  if (!user) throw new ControlError(404, `no test user '${email}' (known: ${TEST_USERS.map((u) => u.email).join(', ')})`);
  return user;
}

function existingFile(ctx: RequestContext, user: TestUser, name: string) {
  const file = ctx.emulator.drives.findByName(user, name);
  if (!file) throw new ControlError(404, `${user.email} has no file '${name}' in the app folder`);
  return file;
}

function fileJson(ctx: RequestContext, user: TestUser, name: string) {
  const folder = ctx.emulator.drives.appFolder(user, false);
  const file = ctx.emulator.drives.findByName(user, name);
  if (!folder || !file) throw new ControlError(404, `${user.email} has no file '${name}'`);
  return fileItemJson(file, folder, ctx.emulator.downloads.create(ctx.emulator.baseUrl, user.oid, file.id), rendering(ctx, user));
}

function rendering(ctx: RequestContext, user: TestUser) {
  return { baseUrl: ctx.emulator.baseUrl, user, appFolderName: ctx.emulator.appFolderName };
}
