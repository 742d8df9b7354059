import { useEffect, useState } from 'react';
import type { CodeView } from '../../lib/messaging/protocol';
import { request } from '../../components/background-client';

/** Time-based codes older than this are refreshed even without an expiry in sight. */
const MAX_REFRESH_MS = 60_000;

/**
 * The live codes: the background is asked again when the first code expires, so
 * a code on screen is always one the service accepts. One timer for the whole
 * list, not one per row.
 */
export function useLiveCodes(initial: CodeView[], onLocked: () => void): [Map<string, CodeView>, (code: CodeView) => void] {
  const [codes, setCodes] = useState(() => new Map(initial.map((c) => [c.id, c])));

  useEffect(() => {
    let soonest = Date.now() + MAX_REFRESH_MS;
    for (const code of codes.values()) if (code.validUntilMs !== null) soonest = Math.min(soonest, code.validUntilMs);
    const timer = window.setTimeout(async () => {
      const result = await request('codes.get', {});
      if (result.ok) setCodes(new Map(result.value.map((c) => [c.id, c])));
      // Locked meanwhile (automatically, or from another page): show the unlock screen.
      else if (result.error.code === 'locked') onLocked();
    }, Math.max(0, soonest - Date.now()) + 50);
    return () => window.clearTimeout(timer);
  }, [codes, onLocked]);

  const replace = (code: CodeView) => setCodes((previous) => new Map(previous).set(code.id, code));
  return [codes, replace];
}
