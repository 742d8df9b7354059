import {
  GraphFileTooLargeError,
  GraphForbiddenError,
  GraphNetworkError,
  GraphNotFoundError,
  GraphPreconditionFailedError,
  GraphRequestRejectedError,
  GraphServerError,
  GraphThrottledError,
  GraphUnauthorizedError,
  MAX_BACKUP_BYTES,
  type GraphClient,
  type GraphUser,
  type RemoteFile,
  type UploadCondition,
} from '../../../lib/graph';

/*
 * OneDrive's app folder in memory: ONE file, and GraphClients that behave like
 * lib/graph's client does against the real Graph (docs/graph-client.md):
 *   - every upload gives the file a new eTag (`"{GUID},N"`, opaque: compared whole);
 *   - If-Match with another eTag → GraphPreconditionFailedError (412);
 *     If-None-Match: * while a file exists → GraphPreconditionFailedError (412);
 *   - If-Match on a deleted file → GraphNotFoundError, as the client reports it after its
 *     metadata check (set `deletedIfMatchAnswer: 412` for the case where that check failed
 *     and the raw 412 stands);
 *   - download of a missing file → GraphNotFoundError; getMetadata → null.
 * Every call is logged with its outcome; faults are queued per operation.
 */

export type GraphOperation = 'getMetadata' | 'download' | 'upload' | 'remove' | 'me';

/** One call a client made, and how it ended. */
export interface GraphCall {
  op: GraphOperation;
  /** Which client made it (the device's name). */
  client: string;
  /** Upload and remove preconditions, as sent. */
  condition?: UploadCondition | { ifMatch: string };
  /** `ok`, or the name of the error thrown. */
  outcome: string;
  /** The file's eTag after the call (upload) or the eTag read (download, getMetadata). */
  eTag?: string;
}

/** A fault: thrown instead of running the operation. A function makes a fresh error per call. */
export type Fault = Error | (() => Error);

interface StoredFile {
  text: string;
  eTag: string;
  lastModified: string;
}

/** Graph's eTag shape: a quoted item GUID and a version number. */
const ITEM_ID = '01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K';
const eTagOf = (version: number) => `"{5E3C7D1A-2B4F-4C6D-8E9F-0A1B2C3D4E5F},${version}"`;

const networkError = () => new GraphNetworkError('The request to Graph got no answer (fake network down).', { status: 0, code: 'networkError' });

/** Graph errors as lib/graph's client raises them, for fault injection. */
export const graphErrors = {
  throttled: (retryAfterSeconds?: number) =>
    new GraphThrottledError('Graph throttled the request (429).', { status: 429, code: 'TooManyRequests', ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) }),
  unavailable: (retryAfterSeconds?: number) =>
    new GraphThrottledError('Graph is unavailable (503).', { status: 503, code: 'serviceNotAvailable', ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) }),
  server: () => new GraphServerError('Graph failed (500).', { status: 500, code: 'generalException' }),
  network: networkError,
  unauthorized: () => new GraphUnauthorizedError('Graph refused the token twice (401).', { status: 401, code: 'InvalidAuthenticationToken' }),
  forbidden: () => new GraphForbiddenError('The account may not use the app folder (403).', { status: 403, code: 'accessDenied' }),
  rejected: () => new GraphRequestRejectedError('Graph rejected the request (400).', { status: 400, code: 'invalidRequest' }),
  notFound: () => new GraphNotFoundError('There is no such file (404).', { status: 404, code: 'itemNotFound' }),
};

export class FakeDrive {
  private file: StoredFile | null = null;
  private version = 0;
  private readonly faults = new Map<GraphOperation, Fault[]>();
  private readonly persistentFaults = new Map<GraphOperation, Fault>();
  private readonly beforeUploadHooks: (() => Promise<void>)[] = [];
  /** Downloads refused for size (the content never fetched). */
  contentRefused = 0;
  /** Every call any client made, in order. */
  readonly calls: GraphCall[] = [];
  /** What an If-Match upload of a deleted file throws: the client's 404 (default) or a 412 that stood. */
  deletedIfMatchAnswer: 404 | 412 = 404;

  /** The file as stored, or null. */
  get current(): (RemoteFile & { text: string }) | null {
    return this.file ? { ...this.describe(this.file), text: this.file.text } : null;
  }

  /** Calls of one operation. */
  callsOf(op: GraphOperation): GraphCall[] {
    return this.calls.filter((c) => c.op === op);
  }

  /** The next `times` calls of `op` throw `fault` instead of running. */
  failNext(op: GraphOperation, fault: Fault, times = 1): void {
    const queue = this.faults.get(op) ?? [];
    for (let i = 0; i < times; i++) queue.push(fault);
    this.faults.set(op, queue);
  }

  /** Every call of `op` throws `fault` until {@link heal}. */
  failAlways(op: GraphOperation, fault: Fault): void {
    this.persistentFaults.set(op, fault);
  }

  /** Removes all faults. */
  heal(): void {
    this.faults.clear();
    this.persistentFaults.clear();
  }

  /** Runs `hook` inside the next upload, after the request left and before Graph checks its precondition. */
  duringNextUpload(hook: () => Promise<void>): void {
    this.beforeUploadHooks.push(hook);
  }

  /** Someone else (OneDrive's web UI, a device not simulated) writes the file: new eTag, not logged. */
  writeElsewhere(text: string): RemoteFile {
    this.file = this.store(text);
    return this.describe(this.file);
  }

  /** The file is deleted elsewhere (e.g. in OneDrive's web UI). */
  deleteElsewhere(): void {
    this.file = null;
  }

  /** A GraphClient acting for one device. */
  client(name = 'device'): GraphClient {
    return {
      getMetadata: () => this.run(name, 'getMetadata', undefined, async () => (this.file ? this.describe(this.file) : null)),
      download: () =>
        this.run(name, 'download', undefined, async () => {
          if (!this.file) throw graphErrors.notFound();
          // As lib/graph's client: the size from the metadata decides before any content is fetched.
          if (this.describe(this.file).size > MAX_BACKUP_BYTES) {
            this.contentRefused += 1;
            throw new GraphFileTooLargeError('The file is larger than any backup; not downloaded.', { status: 200, code: 'fileTooLarge' });
          }
          return { file: this.describe(this.file), text: this.file.text };
        }),
      upload: (text, condition) => this.run(name, 'upload', condition, () => this.upload(text, condition)),
      remove: (condition) =>
        this.run(name, 'remove', condition, async () => {
          if (condition && this.file && this.file.eTag !== condition.ifMatch) {
            throw new GraphPreconditionFailedError('The file changed since its eTag was read (412).', { status: 412, code: 'resourceModified' });
          }
          this.file = null;
        }),
      me: () => this.run(name, 'me', undefined, async (): Promise<GraphUser> => ({ id: 'user-1', displayName: 'Test User', userPrincipalName: 'user@example.com' })),
    };
  }

  private async upload(text: string, condition: UploadCondition): Promise<RemoteFile> {
    // The same argument checks as lib/graph's client: an empty If-Match would be an unconditional overwrite.
    if ('ifMatch' in condition) {
      if (typeof condition.ifMatch !== 'string' || condition.ifMatch === '') throw new TypeError('upload: condition.ifMatch must be a non-empty eTag.');
    } else if (condition.ifNoneMatch !== '*') {
      throw new TypeError("upload: condition.ifNoneMatch must be '*'.");
    }
    for (const hook of this.beforeUploadHooks.splice(0)) await hook();
    if ('ifMatch' in condition) {
      if (!this.file) {
        if (this.deletedIfMatchAnswer === 412) throw new GraphPreconditionFailedError('If-Match failed (412).', { status: 412, code: 'resourceModified' });
        throw new GraphNotFoundError('The file is no longer in the OneDrive app folder.', { status: 404, code: 'itemNotFound' });
      }
      if (this.file.eTag !== condition.ifMatch) throw new GraphPreconditionFailedError('If-Match failed (412).', { status: 412, code: 'resourceModified' });
    } else if (this.file) {
      throw new GraphPreconditionFailedError('If-None-Match: * failed: the file exists (412).', { status: 412, code: 'resourceModified' });
    }
    this.file = this.store(text);
    return this.describe(this.file);
  }

  private async run<T>(client: string, op: GraphOperation, condition: GraphCall['condition'], task: () => Promise<T>): Promise<T> {
    // A real call is asynchronous: let other work interleave, as it would.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const call: GraphCall = { op, client, outcome: 'ok', ...(condition ? { condition: { ...condition } } : {}) };
    this.calls.push(call);
    try {
      const queued = this.faults.get(op)?.shift() ?? this.persistentFaults.get(op);
      if (queued) throw typeof queued === 'function' ? queued() : queued;
      const result = await task();
      if (op === 'upload' || op === 'download' || op === 'getMetadata') {
        const file = op === 'download' ? (result as { file: RemoteFile }).file : (result as RemoteFile | null);
        if (file) call.eTag = file.eTag;
      }
      return result;
    } catch (error) {
      call.outcome = error instanceof Error ? error.name : String(error);
      throw error;
    }
  }

  private store(text: string): StoredFile {
    this.version += 1;
    return { text, eTag: eTagOf(this.version), lastModified: new Date(Date.UTC(2025, 0, 1) + this.version * 1000).toISOString() };
  }

  private describe(file: StoredFile): RemoteFile {
    return { eTag: file.eTag, size: new TextEncoder().encode(file.text).length, lastModified: file.lastModified, id: ITEM_ID };
  }
}
