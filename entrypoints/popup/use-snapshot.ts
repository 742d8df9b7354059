import { useCallback, useEffect, useState } from 'react';
import type { Snapshot } from '../../lib/messaging/protocol';
import { request } from '../../components/background-client';
import { failureMessage } from '../../components/failure-message';
import { usePageEvents } from '../../components/use-page-events';

/**
 * Accounts asked for first: more than the popup's first screen holds (about
 * eight rows), so the first scroll finds codes too. Their codes come in the
 * first answer; the rest of the accounts follow in a second one.
 */
export const FIRST_SCREEN_ACCOUNTS = 24;

/**
 * The popup's data, first screen first: one round trip for the vault state and
 * the first accounts with their codes, then every account (names for search,
 * rows for scrolling). Reloaded whole when the background reports a change.
 */
export function useSnapshot(): { snapshot: Snapshot | null; error: string | null; reload(): Promise<void> } {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [error, setError] = useState<string | null>(null);

  const ask = useCallback(async (first?: number): Promise<Snapshot | null> => {
    const result = await request('vault.snapshot', first === undefined ? {} : { first });
    if (!result.ok) {
      setError(failureMessage(result.error));
      return null;
    }
    setSnapshot(result.value);
    return result.value;
  }, []);

  const reload = useCallback(async () => {
    await ask();
  }, [ask]);

  useEffect(() => {
    void ask(FIRST_SCREEN_ACCOUNTS).then((first) => {
      if (first && first.accounts.length < first.accountCount) void ask();
    });
  }, [ask]);
  usePageEvents(['vault', 'accounts', 'cloud'], () => void reload());

  return { snapshot, error, reload };
}
