import { useCallback, useEffect, useState } from 'react';
import type { CloudStatusView } from '../../../lib/messaging/protocol';
import { request } from '../../../components/background-client';
import { usePageEvents } from '../../../components/use-page-events';

/**
 * The backup's status, read on mount and again after every cloud event (the
 * background works on its own: retries, uploads after changes, sign-in expiry).
 * Also returns the setter, for an action's answer.
 */
export function useCloudStatus(): [CloudStatusView | null, (status: CloudStatusView) => void] {
  const [status, setStatus] = useState<CloudStatusView | null>(null);
  const refresh = useCallback(async () => {
    const result = await request('cloud.status', {});
    if (result.ok) setStatus(result.value);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  usePageEvents(['cloud'], () => void refresh());
  return [status, setStatus];
}
