import type { IncomingMessage } from 'node:http';

/** Request headers worth seeing in the log (authorization is always redacted). */
const LOGGED_HEADERS = ['origin', 'if-match', 'if-none-match', 'content-type', 'authorization', 'client-request-id', 'retry-after', 'access-control-request-method'];

/** How many entries are kept. */
const MAX_ENTRIES = 1000;

/** One logged request. `status` 0 = no answer (socket destroyed or never answered). */
export interface LogEntry {
  time: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  headers: Record<string, string>;
  user?: string;
  fault?: { id: string; kind: string };
}

/** The request log that tests read to check what a client actually sent. */
export class RequestLog {
  private entries: LogEntry[] = [];

  /** Records a request as it arrives; `finish` fills in the outcome. */
  begin(req: IncomingMessage, now: number): LogEntry {
    const headers: Record<string, string> = {};
    for (const name of LOGGED_HEADERS) {
      const value = req.headers[name];
      if (value === undefined) continue;
      headers[name] = name === 'authorization' ? redact(String(value)) : Array.isArray(value) ? value.join(', ') : value;
    }
    const entry: LogEntry = { time: new Date(now).toISOString(), method: req.method ?? 'GET', path: req.url ?? '/', status: 0, durationMs: 0, headers };
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return entry;
  }

  list(): LogEntry[] {
    return this.entries.map((e) => ({ ...e, headers: { ...e.headers } }));
  }

  clear(): void {
    this.entries = [];
  }
}

function redact(value: string): string {
  const scheme = value.split(/\s+/)[0] ?? '';
  return scheme ? `${scheme} (redacted)` : '(redacted)';
}
