import { DriveItemBody, GraphUser, isTagOf, MeBody, remoteVersionOf, type RemoteFile, type RemoteVersion } from './drive-item';
import { errorFromAnswer } from './error-from-answer';
import {
  GraphClientConfigError,
  GraphFileChangedDuringDownloadError,
  GraphFileTooLargeError,
  GraphNotFoundError,
  GraphPreconditionFailedError,
  GraphResponseError,
} from './errors';
import { readJsonBody, requestIdOf, type GraphAnswer } from './graph-answer';
import { createGraphExchange, type AccessTokenSource } from './graph-exchange';

/** How to reach Graph and which file to work on. */
export interface GraphClientOptions {
  /** Graph's versioned root, e.g. `https://graph.microsoft.com/v1.0`; must be `https:`. */
  baseUrl: string;
  /** The fetch to use (the extension passes the global one; tests one that trusts the emulator). */
  fetch: typeof fetch;
  /** Access tokens for Graph; see AccessTokenSource. */
  getAccessToken: AccessTokenSource;
  /** The file's name in the app folder, e.g. `hikae-backup.json`. */
  fileName: string;
  /** Time limit of each HTTP exchange (request, redirect, body) in ms. Default 30 000. */
  timeoutMs?: number;
  /** Current time in ms since the epoch, only to read an HTTP-date `Retry-After`. Default `Date.now`. */
  now?: () => number;
}

/** Upload precondition: replace exactly this version, or create only if there is no file. */
export type UploadCondition = { ifMatch: string } | { ifNoneMatch: '*' };

/** The backup file in the user's OneDrive app folder (docs/graph-client.md). */
export interface GraphClient {
  /** The file's metadata, or null when there is no such file (404 `itemNotFound`). */
  getMetadata(): Promise<RemoteFile | null>;
  /**
   * Metadata and content of the same version (detects a concurrent upload and retries once).
   * @throws GraphNotFoundError when there is no file; GraphFileChangedDuringDownloadError
   */
  download(): Promise<{ file: RemoteFile; text: string }>;
  /**
   * Uploads `text` (UTF-8, `application/json`) under `condition`.
   * @throws GraphPreconditionFailedError when the file changed (If-Match) or exists (If-None-Match);
   *   GraphNotFoundError when an If-Match upload finds the file deleted
   */
  upload(text: string, condition: UploadCondition): Promise<RemoteFile>;
  /** Deletes the file (only this version, with `ifMatch`). A file already gone counts as deleted. */
  remove(condition?: { ifMatch: string }): Promise<void>;
  /** The signed-in account. */
  me(): Promise<GraphUser>;
}

/**
 * The largest file `download` fetches (bytes): 4 MiB, the simple-upload limit every Hikae
 * backup is written under. Checked from the metadata BEFORE the content is requested, so a huge
 * file planted in the app folder is never downloaded (not on every 5-minute check either).
 */
export const MAX_BACKUP_BYTES = 4 * 1024 * 1024;

/** Default for `timeoutMs`: 30 s per exchange. */
export const DEFAULT_GRAPH_TIMEOUT_MS = 30_000;

/** Characters OneDrive refuses in a file name (and `/`, which would leave the app folder). */
const INVALID_NAME_CHARACTERS = /["*:<>?/\\|]/;

/** Creates the client. @throws GraphClientConfigError for an unusable option */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const baseUrl = checkedBaseUrl(options.baseUrl);
  const fileName = checkedFileName(options.fileName);
  const timeoutMs = options.timeoutMs ?? DEFAULT_GRAPH_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new GraphClientConfigError('timeoutMs', `timeoutMs must be a positive number of milliseconds, got ${timeoutMs}.`);
  }
  const now = options.now ?? Date.now;
  const send = createGraphExchange({ fetch: options.fetch, getAccessToken: options.getAccessToken, timeoutMs });

  const itemUrl = `${baseUrl}/me/drive/special/approot:/${encodeURIComponent(fileName)}`;
  const contentUrl = `${itemUrl}:/content`;
  const operations = {
    metadata: `Reading the metadata of ${fileName} in OneDrive`,
    download: `Downloading ${fileName} from OneDrive`,
    upload: `Uploading ${fileName} to OneDrive`,
    remove: `Deleting ${fileName} from OneDrive`,
    me: 'Reading the signed-in Microsoft account',
  };
  const fileItem = `a file item (driveItem) for ${fileName}`;

  function fail(answer: GraphAnswer, operation: string): never {
    throw errorFromAnswer(answer, operation, now());
  }

  /** The current version, or null on 404 itemNotFound. */
  async function readVersion(operation: string): Promise<RemoteVersion | null> {
    const answer = await send({ method: 'GET', url: itemUrl }, operation);
    if (answer.status === 200) return versionFrom(answer, operation);
    const error = errorFromAnswer(answer, operation, now());
    // Only Graph's own "no such item": a 404 for another reason (wrong base URL) must not read as "no backup".
    if (error instanceof GraphNotFoundError && error.code === 'itemNotFound') return null;
    throw error;
  }

  function versionFrom(answer: GraphAnswer, operation: string): RemoteVersion {
    const item = readJsonBody(answer, DriveItemBody, operation, fileItem);
    if (item.folder) {
      throw new GraphResponseError(`${operation} failed: ${fileName} in the OneDrive app folder is a folder, not a file.`, {
        status: answer.status,
        code: 'notAFile',
        requestId: requestIdOf(answer),
      });
    }
    return remoteVersionOf(item);
  }

  async function requireVersion(operation: string): Promise<RemoteVersion> {
    const version = await readVersion(operation);
    if (version) {
      if (version.file.size > MAX_BACKUP_BYTES) {
        throw new GraphFileTooLargeError(
          `${operation} refused: ${fileName} in the OneDrive app folder is ${version.file.size} bytes, more than a Hikae backup can be (${MAX_BACKUP_BYTES} bytes); it was not downloaded.`,
          { status: 200, code: 'fileTooLarge' },
        );
      }
      return version;
    }
    throw new GraphNotFoundError(`${operation} failed: there is no ${fileName} in the OneDrive app folder.`, { status: 404, code: 'itemNotFound' });
  }

  /**
   * Whether the file is gone, asked after a 412 to an If-Match request (RFC 9110 answers 412,
   * not 404, when the file is missing). If this check itself fails, the 412 stands.
   */
  async function isGoneAfter(preconditionError: GraphPreconditionFailedError): Promise<boolean> {
    try {
      return (await readVersion(operations.metadata)) === null;
    } catch {
      // The 412 is what we know for sure; the merge path that follows will meet the real problem.
      throw preconditionError;
    }
  }

  return {
    async getMetadata() {
      return (await readVersion(operations.metadata))?.file ?? null;
    },

    async download() {
      const operation = operations.download;
      let before = await requireVersion(operation);
      for (let attempt = 0; ; attempt += 1) {
        const answer = await send({ method: 'GET', url: contentUrl }, operation);
        if (answer.status !== 200) fail(answer, operation);
        const tag = answer.headers.get('etag');
        if (tag !== null && isTagOf(tag, before)) return { file: before.file, text: answer.text };
        // No tag (a CDN may drop it) or another one: ask again which version is current.
        const after = await requireVersion(operation);
        if (after.file.eTag === before.file.eTag) return { file: before.file, text: answer.text };
        if (tag !== null && isTagOf(tag, after)) return { file: after.file, text: answer.text };
        if (attempt === 1) {
          throw new GraphFileChangedDuringDownloadError(
            `${operation} failed: the file changed in OneDrive during the download, twice in a row (another device is uploading); try again shortly.`,
            { status: answer.status, code: 'fileChangedDuringDownload', requestId: requestIdOf(answer) },
          );
        }
        before = after;
      }
    },

    async upload(text, condition) {
      const operation = operations.upload;
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if ('ifMatch' in condition) {
        // An empty If-Match would be no condition at all: an unconditional overwrite.
        if (typeof condition.ifMatch !== 'string' || condition.ifMatch === '') throw new TypeError('upload: condition.ifMatch must be a non-empty eTag.');
        headers['If-Match'] = condition.ifMatch;
      } else {
        if (condition.ifNoneMatch !== '*') throw new TypeError("upload: condition.ifNoneMatch must be '*'.");
        headers['If-None-Match'] = '*';
      }
      // A first upload must never replace a file: If-None-Match: * says so in HTTP terms, and
      // conflictBehavior=fail in OneDrive's own (its documentation names If-Match for uploads;
      // if it ignored If-None-Match, the query still refuses, with 409 nameAlreadyExists).
      const url = 'ifNoneMatch' in condition ? `${contentUrl}?@microsoft.graph.conflictBehavior=fail` : contentUrl;
      const answer = await send({ method: 'PUT', url, headers, body: text }, operation);
      if (answer.status === 200 || answer.status === 201) return versionFrom(answer, operation).file;
      const error = errorFromAnswer(answer, operation, now());
      if (answer.status === 409 && 'ifNoneMatch' in condition) {
        // The file exists after all: the same as If-None-Match failing — download and merge first.
        throw new GraphPreconditionFailedError(
          `${operation} failed: ${fileName} already exists in the OneDrive app folder (another device created it); download and merge first (HTTP 409 ${error.code}).`,
          { status: 409, code: error.code, requestId: error.requestId, cause: error },
        );
      }
      if (error instanceof GraphPreconditionFailedError && 'ifMatch' in condition && (await isGoneAfter(error))) {
        throw new GraphNotFoundError(
          `${operation} failed: the file is no longer in the OneDrive app folder (deleted, perhaps on another device); create it again with If-None-Match: *.`,
          { status: 404, code: 'itemNotFound', requestId: error.requestId, cause: error },
        );
      }
      throw error;
    },

    async remove(condition) {
      const operation = operations.remove;
      if (condition && (typeof condition.ifMatch !== 'string' || condition.ifMatch === '')) {
        throw new TypeError('remove: condition.ifMatch must be a non-empty eTag.');
      }
      const headers: Record<string, string> = condition ? { 'If-Match': condition.ifMatch } : {};
      const answer = await send({ method: 'DELETE', url: itemUrl, headers }, operation);
      if (answer.status === 204 || answer.status === 200 || answer.status === 404) return;
      const error = errorFromAnswer(answer, operation, now());
      if (error instanceof GraphPreconditionFailedError && condition && (await isGoneAfter(error))) return;
      throw error;
    },

    async me() {
      const operation = operations.me;
      const answer = await send({ method: 'GET', url: `${baseUrl}/me` }, operation);
      if (answer.status !== 200) fail(answer, operation);
      const body = readJsonBody(answer, MeBody, operation, 'a user (GET /me)');
      return { id: body.id, displayName: body.displayName ?? '', userPrincipalName: body.userPrincipalName };
    },
  };
}

function checkedBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new GraphClientConfigError('baseUrl', `baseUrl is not an absolute URL: ${JSON.stringify(baseUrl)}.`);
  }
  // The access token goes to this URL: never over plain HTTP.
  if (url.protocol !== 'https:') throw new GraphClientConfigError('baseUrl', `baseUrl must use https:, got ${url.protocol}.`);
  if (url.search || url.hash) throw new GraphClientConfigError('baseUrl', 'baseUrl must not have a query or fragment.');
  return url.href.replace(/\/+$/, '');
}

function checkedFileName(fileName: string): string {
  if (!fileName || fileName.trim() !== fileName || fileName === '.' || fileName === '..' || INVALID_NAME_CHARACTERS.test(fileName)) {
    throw new GraphClientConfigError(
      'fileName',
      `fileName ${JSON.stringify(fileName)} is not a valid OneDrive file name (one name, no leading or trailing space, none of " * : < > ? / \\ |).`,
    );
  }
  return fileName;
}
