import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorClock } from './core/clock.ts';
import type { RequestLog } from './control/request-log.ts';
import type { Faults } from './control/faults.ts';
import type { DownloadLinks } from './graph/download-links.ts';
import type { DriveStore } from './graph/drive-store.ts';
import type { AccessTokens } from './identity/access-tokens.ts';
import type { AuthorizationCodes } from './identity/authorization-codes.ts';
import type { ClientPolicy } from './identity/client-policy.ts';
import type { PendingAuthorizations } from './identity/pending-authorizations.ts';
import type { RefreshTokens } from './identity/refresh-tokens.ts';
import type { SignInSessions } from './identity/sign-in-sessions.ts';
import type { SigningKey } from './identity/signing-key.ts';

/** Everything one running emulator holds; shared by all request handlers. */
export interface EmulatorContext {
  /** `https://localhost:PORT`, known once the server listens. */
  baseUrl: string;
  readonly appFolderName: string;
  readonly clock: EmulatorClock;
  readonly clientPolicy: ClientPolicy;
  readonly signingKey: SigningKey;
  readonly sessions: SignInSessions;
  readonly pending: PendingAuthorizations;
  readonly codes: AuthorizationCodes;
  readonly refreshTokens: RefreshTokens;
  readonly accessTokens: AccessTokens;
  readonly drives: DriveStore;
  readonly downloads: DownloadLinks;
  readonly faults: Faults;
  readonly log: RequestLog;
}

/** One request being handled. */
export interface RequestContext {
  readonly emulator: EmulatorContext;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** Parsed against the emulator's base URL; `pathname` stays percent-encoded. */
  readonly url: URL;
  /** Graph's `request-id`. */
  readonly requestId: string;
  /** Email of the user a token or session identified; shown in the request log. */
  user?: string;
}
