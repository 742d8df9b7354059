import type { SyncPorts } from '../../sync/sync-ports';
import type { BackgroundPorts } from '../core';
import { readSyncState, writeSyncState } from '../core';
import { currentKey } from '../vault';
import { readVaultFile, storeVaultAndState } from '../vault';

/** The sync engine's view of the background. */
export function syncPortsFrom(ports: BackgroundPorts): SyncPorts {
  return {
    now: ports.now,
    random: ports.random,
    jitter: () => (ports.random(4).reduce((acc, byte) => acc * 256 + byte, 0) >>> 0) / 2 ** 32,
    device: ports.device,
    readState: () => readSyncState(ports),
    writeState: (state) => writeSyncState(ports, state),
    writeVaultAndState: (file, state) => storeVaultAndState(ports, file, state),
    async unlocked() {
      const file = await readVaultFile(ports);
      const key = file ? await currentKey(ports) : null;
      if (!file || !key) return null;
      return key.previousMasterKey ? { masterKey: key.masterKey, file, previousMasterKey: key.previousMasterKey } : { masterKey: key.masterKey, file };
    },
    exclusiveVault: (task) => ports.exclusive(task),
    graph: (account) => ports.cloud.graph(account),
    scheduleRetry: (atMs) => ports.cloud.scheduleRetry(atMs),
  };
}
