import type { CodeView } from '../../lib/messaging/protocol';
import { nextCodeWindowStart } from '../../lib/otp/next-code';
import { request } from '../../components/background-client';
import { NearRows } from './near-rows';

/** Time-based codes older than this are refreshed even without an expiry in sight. */
const MAX_REFRESH_MS = 60_000;
/** Asked for a little after the period ends, so the background's clock is past it too. */
const AFTER_EXPIRY_MS = 50;

const isCurrent = (code: CodeView | undefined, nowMs: number) => code !== undefined && (code.validUntilMs === null || code.validUntilMs > nowMs);

/** What the live codes need from the list. */
export interface LiveCodesHost {
  /** Shows an account's code; undefined: its code is on its way. */
  show(id: string, code: CodeView | undefined): void;
  /** Whether the account has a code at all (not awaiting verification). */
  hasCode(id: string): boolean;
  /** The background says the vault locked meanwhile. */
  locked(): void;
  /** A row came on screen or near it. */
  near(id: string): void;
}

/**
 * The live codes of the rows near the screen. Codes arrive with the snapshot;
 * when a period ends, the background is asked again for the rows on screen or
 * about to be — not for a thousand rows nobody sees. An expired code off
 * screen is dropped (its row shows that its code is coming), and asked for
 * again when its row comes near.
 */
export class LiveCodes {
  /** Rows register here as they enter the list, and leave as they go. */
  readonly near = new NearRows(() => this.refresh(), (id) => this.host.near(id));
  private readonly codes = new Map<string, CodeView>();
  private readonly asking = new Set<string>();
  private timer = 0;
  private stopped = false;

  constructor(private readonly host: LiveCodesHost) {}

  /** The current code of an account, if there is one to show. */
  get(id: string): CodeView | undefined {
    const code = this.codes.get(id);
    return isCurrent(code, Date.now()) ? code : undefined;
  }

  /** Codes from a snapshot or an answer: shown, and expired ones dropped. */
  merge(codes: readonly CodeView[]): void {
    for (const code of codes) {
      this.codes.set(code.id, code);
      this.host.show(code.id, code);
    }
    this.dropExpired(Date.now(), new Set());
    this.refresh();
  }

  /** The list is gone: no more timers or requests. */
  stop(): void {
    this.stopped = true;
    window.clearTimeout(this.timer);
    this.near.setRoot(null);
  }

  /** Expired codes leave (so scrolling never shows one), except those of `keep` until their new code comes. */
  private dropExpired(nowMs: number, keep: ReadonlySet<string>): void {
    for (const [id, code] of this.codes) {
      if (isCurrent(code, nowMs) || keep.has(id)) continue;
      this.codes.delete(id);
      this.host.show(id, undefined);
    }
  }

  /** Per row, the period whose next code was asked for. */
  private readonly askedNext = new Map<string, number>();

  private async ask(ids: string[]): Promise<void> {
    for (const id of ids) this.asking.add(id);
    const result = await request('codes.get', { ids });
    for (const id of ids) this.asking.delete(id);
    if (this.stopped) return;
    if (result.ok) this.merge(result.value);
    // Locked meanwhile (automatically, or from another page): show the unlock screen.
    else if (result.error.code === 'locked') this.host.locked();
  }

  /** Asks for the near rows' missing codes, and sets the timer for the next end of a period among them. */
  private refresh(): void {
    if (this.stopped) return;
    window.clearTimeout(this.timer);
    const nowMs = Date.now();
    const nearIds = [...this.near.ids].filter((id) => this.host.hasCode(id));
    const missing = nearIds.filter((id) => !isCurrent(this.codes.get(id), nowMs) && !this.asking.has(id));
    if (missing.length > 0) void this.ask(missing);
    // The next end of a period among the near rows — or the opening of a next-code window
    // (docs/popup-display.md), asked for once per period (a background on another clock may answer without one).
    let soonest = nowMs + MAX_REFRESH_MS;
    for (const id of nearIds) {
      const code = this.codes.get(id);
      const until = code?.validUntilMs;
      if (!code || until === undefined || until === null || until <= nowMs) continue;
      soonest = Math.min(soonest, until);
      const opens = nextCodeWindowStart(code);
      if (code.next === undefined && opens !== null && this.askedNext.get(id) !== until) soonest = Math.min(soonest, Math.max(nowMs, opens));
    }
    this.timer = window.setTimeout(() => {
      // Rows near the screen keep their code until the new one arrives (no blank).
      const refresh = [...this.near.ids].filter((id) => this.host.hasCode(id) && !this.asking.has(id));
      const at = Date.now();
      for (const id of refresh) {
        const code = this.codes.get(id);
        const opens = code ? nextCodeWindowStart(code) : null;
        if (code?.validUntilMs && opens !== null && opens <= at && code.validUntilMs > at) this.askedNext.set(id, code.validUntilMs);
      }
      this.dropExpired(Date.now(), new Set(refresh));
      if (refresh.length > 0) void this.ask(refresh);
      else this.refresh();
    }, soonest - nowMs + AFTER_EXPIRY_MS);
  }
}
