import { adoptableBackupKeySlots, accountsFromBackup, applyRestore, contentsFromBackup, openBackup, planRestore, readBackupSummary } from '../../backup';
import { GraphNotFoundError } from '../../graph';
import type { Account } from '../../otp/account';
import { nextStamp, openVault } from '../../vault';
import { AlreadyInitializedError } from '../vault';
import { CloudSignedOutError, NoBackupError } from '../cloud';
import type { Handler, HandlersFor } from '../core';
import type { BackgroundPorts } from '../core';
import { readSyncState } from '../core';
import { requireKey, startSession } from '../vault';
import { changeContents, readVaultFile, requireVaultFile, writeVault } from '../vault';
import { toView } from '../core';
import type { RECOVERY_REQUESTS } from '../../messaging/requests/recovery';

/*
 * Recovery ("Begin recovery"): read the backup of the signed-in account, show
 * what it holds, and restore it with its password — into an empty extension
 * (first run) or next to existing accounts, where nothing is ever overwritten
 * without an explicit per-account choice. Every restore is one storage write.
 */

async function downloadBackup(ports: BackgroundPorts) {
  const state = await readSyncState(ports);
  if (!state.account) throw new CloudSignedOutError();
  try {
    return { state, account: state.account, download: await ports.cloud.graph(state.account).download() };
  } catch (error) {
    if (error instanceof GraphNotFoundError) throw new NoBackupError(state.account.username);
    throw error;
  }
}

export const recoveryInspect: Handler<'recovery.inspect'> = async (_payload, ports) => {
  const state = await readSyncState(ports);
  if (!state.account) throw new CloudSignedOutError();
  try {
    const { download } = await downloadBackup(ports);
    const summary = readBackupSummary(download.text);
    return { found: true, username: state.account.username, accountCount: summary.accountCount, createdAt: summary.createdAt, browser: summary.browser };
  } catch (error) {
    if (error instanceof NoBackupError) return { found: false, username: error.username };
    throw error;
  }
};

/** First run: the backup becomes this extension's vault (same password, same order, same codes). */
export const recoveryRestore: Handler<'recovery.restore'> = async ({ password }, ports) => {
  const { download } = await downloadBackup(ports);
  const { contents, masterKey } = await openBackup(download.text, password);
  return ports.exclusive(async () => {
    if (await readVaultFile(ports)) throw new AlreadyInitializedError();
    const restored = contentsFromBackup(contents);
    // The backup's key and slots (authenticated by openBackup); the cloud already holds exactly this.
    await writeVault(ports, {
      parts: { masterKey, keySlots: await adoptableBackupKeySlots(download.text), contents: restored },
      cloud: { kind: 'current', eTag: download.file.eTag },
      patch: { enabled: true, problem: null, retry: null },
    });
    await startSession(ports, masterKey, restored.settings.autoLockMinutes);
    return { restored: restored.accounts.length };
  });
};

async function plan(ports: BackgroundPorts, password: string) {
  const { download } = await downloadBackup(ports);
  const { contents } = await openBackup(download.text, password);
  const file = await requireVaultFile(ports);
  const { masterKey } = await requireKey(ports);
  const local = await openVault(file, masterKey);
  const incoming = accountsFromBackup(contents);
  return { local, incoming, ...planRestore(local.accounts, incoming) };
}

/** Into an extension that has accounts: what would be added, and what is skipped and why. */
export const recoveryPlan: Handler<'recovery.plan'> = async ({ password }, ports) => {
  const { toAdd, skipped } = await plan(ports, password);
  return {
    toAdd: toAdd.map(toView),
    skipped: skipped.map((s) => ({ incoming: toView(s.incoming), existing: toView(s.existing), reason: s.reason })),
  };
};

/**
 * Applies a restore with the user's choice for each skipped account: "keep both"
 * adds the backup's copy as another account (not for the same secret: a true
 * duplicate), "replace" puts it in place of the existing one; no choice keeps the
 * existing one untouched. All or nothing.
 */
export const recoveryApply: Handler<'recovery.apply'> = async ({ password, choices }, ports) => {
  const { download } = await downloadBackup(ports);
  const { contents } = await openBackup(download.text, password);
  const incoming = accountsFromBackup(contents);
  return changeContents(ports, (local) => {
    const { toAdd, skipped } = planRestore(local.accounts, incoming);
    const keepBoth: Account[] = [];
    const replacements = new Map<string, Account>();
    const stamp = nextStamp(local, ports.now());
    for (const { incoming: account, existing, reason } of skipped) {
      const choice = choices[account.id];
      // The same secret is the same codes: never doubled, whatever is asked (the page offers no "keep both" for it).
      if (choice === 'keep-both' && reason !== 'same-secret') keepBoth.push(account);
      if (choice === 'replace') replacements.set(existing.id, { ...account, id: existing.id, modifiedAt: stamp });
    }
    const replaced = { ...local, accounts: local.accounts.map((a) => replacements.get(a.id) ?? a) };
    return {
      contents: applyRestore(replaced, [...toAdd, ...keepBoth], { now: ports.now(), newId: ports.randomId }),
      result: { added: toAdd.length + keepBoth.length, replaced: replacements.size, skipped: skipped.length - keepBoth.length - replacements.size },
    };
  });
};

/** The handler of each recovery request (lib/messaging/requests/recovery.ts). */
export const RECOVERY_HANDLERS: HandlersFor<typeof RECOVERY_REQUESTS> = {
  'recovery.inspect': recoveryInspect,
  'recovery.restore': recoveryRestore,
  'recovery.plan': recoveryPlan,
  'recovery.apply': recoveryApply,
};
