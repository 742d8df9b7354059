import { useCallback, useEffect, useRef, useState } from 'react';
import type { CodeView } from '../../lib/messaging/protocol';
import { request } from '../../components/background-client';
import { NearRows } from './near-rows';

/** Time-based codes older than this are refreshed even without an expiry in sight. */
const MAX_REFRESH_MS = 60_000;
/** Asked for a little after the period ends, so the background's clock is past it too. */
const AFTER_EXPIRY_MS = 50;

const isCurrent = (code: CodeView | undefined, nowMs: number) => code !== undefined && (code.validUntilMs === null || code.validUntilMs > nowMs);

/** The codes without those that have expired by `nowMs` (an expired code is never shown). */
function withoutExpired(codes: Map<string, CodeView>, nowMs: number): Map<string, CodeView> {
  const kept = new Map<string, CodeView>();
  for (const [id, code] of codes) if (isCurrent(code, nowMs)) kept.set(id, code);
  return kept;
}

export interface LiveCodes {
  /** The current code of each account that has one shown; a row without one waits for it. */
  codes: Map<string, CodeView>;
  /** Replaces one code (HOTP "next code"). */
  replace(code: CodeView): void;
  /** Registers a row element (with data-account-id) as it mounts; returns its clean-up. */
  observeRow(row: HTMLElement | null): (() => void) | undefined;
  /** The scrolling list element (a ref callback). */
  setList(list: HTMLElement | null): void;
}

/**
 * The live codes of the rows near the screen. Codes arrive with the snapshot;
 * when a period ends, the background is asked again for the rows on screen or
 * about to be — not for a thousand rows nobody sees. An expired code off
 * screen is dropped, and asked for again when its row comes near.
 * `codeable`: the accounts that have a code at all (not awaiting verification).
 */
export function useLiveCodes(fromSnapshot: readonly CodeView[], codeable: ReadonlySet<string>, onLocked: () => void): LiveCodes {
  const [codes, setCodes] = useState(() => new Map(fromSnapshot.map((c) => [c.id, c])));
  const [nearVersion, setNearVersion] = useState(0);
  const near = useRef<NearRows | null>(null);
  near.current ??= new NearRows(() => setNearVersion((v) => v + 1));
  const asking = useRef(new Set<string>());

  // A new snapshot (the rest of the accounts, or a change) brings codes for its rows.
  useEffect(() => {
    setCodes((previous) => {
      const next = new Map(previous);
      for (const code of fromSnapshot) next.set(code.id, code);
      return withoutExpired(next, Date.now());
    });
  }, [fromSnapshot]);

  const ask = useCallback(
    async (ids: string[]) => {
      for (const id of ids) asking.current.add(id);
      const result = await request('codes.get', { ids });
      for (const id of ids) asking.current.delete(id);
      if (result.ok) {
        setCodes((previous) => {
          const next = withoutExpired(previous, Date.now());
          for (const code of result.value) next.set(code.id, code);
          return next;
        });
      } else if (result.error.code === 'locked') {
        // Locked meanwhile (automatically, or from another page): show the unlock screen.
        onLocked();
      }
    },
    [onLocked],
  );

  useEffect(() => {
    const nowMs = Date.now();
    const nearIds = [...near.current!.ids].filter((id) => codeable.has(id));
    const missing = nearIds.filter((id) => !isCurrent(codes.get(id), nowMs) && !asking.current.has(id));
    if (missing.length > 0) void ask(missing);
    // The next end of a period among the rows near the screen.
    let soonest = nowMs + MAX_REFRESH_MS;
    for (const id of nearIds) {
      const until = codes.get(id)?.validUntilMs;
      if (until !== undefined && until !== null && until > nowMs) soonest = Math.min(soonest, until);
    }
    const timer = window.setTimeout(() => {
      // Rows near the screen keep their code until the new one arrives (no blank);
      // every other expired code goes at once, so scrolling never shows one.
      const at = Date.now();
      const refresh = [...near.current!.ids].filter((id) => codeable.has(id) && !asking.current.has(id));
      setCodes((previous) => {
        const next = withoutExpired(previous, at);
        for (const id of refresh) {
          const kept = previous.get(id);
          if (kept && !next.has(id)) next.set(id, kept);
        }
        return next;
      });
      if (refresh.length > 0) void ask(refresh);
    }, soonest - nowMs + AFTER_EXPIRY_MS);
    return () => window.clearTimeout(timer);
  }, [codes, nearVersion, codeable, ask]);

  const replace = useCallback((code: CodeView) => setCodes((previous) => new Map(previous).set(code.id, code)), []);
  const observeRow = useCallback((row: HTMLElement | null) => (row ? near.current!.observe(row) : undefined), []);
  const setList = useCallback((list: HTMLElement | null) => near.current!.setRoot(list), []);
  return { codes, replace, observeRow, setList };
}
