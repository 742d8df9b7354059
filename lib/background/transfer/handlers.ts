import { createBackup } from '../../backup';
import { toAegisPlainJson, toMigrationPayloads, toOtpUriList } from '../../export';
import { importFile, type ImportInput, type ImportResult } from '../../import';
import { hikaeBackupParser } from '../../import/hikae-backup-parser';
import { base64ToBytes } from '../../encoding/base64';
import type { ExportOmission, ImportSkipView, ImportSource } from '../../messaging/protocol';
import { accountsFromDrafts, unlockVault, type VaultContents, type VaultFile } from '../../vault';
import { BadRequestError } from '../core';
import { accountLabel, deviceBoundOmission, exportFileName, plainExportable } from './export-files';
import type { Handler, HandlersFor } from '../core';
import { planImport, type ImportPlan } from './import-plan';
import type { BackgroundPorts } from '../core';
import { requireKey, requirePasswordNotWeak } from '../vault';
import { changeContents, readContents, requireVaultFile } from '../vault';
import type { TRANSFER_REQUESTS } from '../../messaging/requests/transfer';

/*
 * Import and export (docs/transfer.md). A preview never writes; applying parses
 * the input again and adds every non-duplicate in one vault write; exports
 * verify the vault password again before any secret leaves the background.
 */

function importInput(source: ImportSource): ImportInput {
  if ('text' in source) return { text: source.text };
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(source.bytesBase64);
  } catch (error) {
    throw new BadRequestError('The file was not sent as base64.', { cause: error });
  }
  return source.fileName === undefined ? { bytes } : { name: source.fileName, bytes };
}

/** Parses the input with every format we read, our own encrypted export included. */
function readImport(ports: BackgroundPorts, source: ImportSource, password: string | undefined): Promise<ImportResult> {
  return importFile(importInput(source), {
    ...(password === undefined ? {} : { password }),
    ...(ports.sqlite === undefined ? {} : { sqlite: ports.sqlite }),
    parsers: [hikaeBackupParser],
  });
}

function skippedViews(result: ImportResult, plan: ImportPlan): ImportSkipView[] {
  const unusable = result.skipped.map(({ label, reason }) => ({ label, code: reason.code, message: reason.message }));
  const duplicates = plan.duplicates.map(({ draft, existing, reason, inFile }): ImportSkipView => ({
    label: accountLabel(draft),
    code: inFile ? 'duplicate-in-file' : 'duplicate',
    message: inFile
      ? `The same account appears earlier in this file (${accountLabel(existing)}).`
      : `Already here as ${accountLabel(existing)}; it is left unchanged.`,
    duplicateOf: { ...existing, reason },
  }));
  return [...unusable, ...duplicates];
}

export const importPreview: Handler<'import.preview'> = async ({ source, password }, ports) => {
  // Locked → refused before any key derivation the file may ask for.
  await requireKey(ports);
  const result = await readImport(ports, source, password);
  const plan = planImport((await readContents(ports)).accounts, result.accounts);
  return {
    format: result.format,
    encrypted: result.encrypted,
    toAdd: plan.toAdd.map(({ secret: _secret, ...view }) => view),
    skipped: skippedViews(result, plan),
    warnings: result.warnings,
  };
};

export const importApply: Handler<'import.apply'> = async ({ source, password }, ports) => {
  await requireKey(ports);
  // Parsed again: what the page previewed is not trusted. Parsing (maybe a KDF) runs
  // outside the vault lock; the duplicate check runs inside it, on the current vault.
  const result = await readImport(ports, source, password);
  const unusable = result.skipped.length;
  const planned = planImport((await readContents(ports)).accounts, result.accounts);
  if (planned.toAdd.length === 0) return { added: 0, skipped: unusable + planned.duplicates.length };
  return changeContents(ports, (contents) => {
    const plan = planImport(contents.accounts, result.accounts);
    const now = ports.now();
    const added = accountsFromDrafts(contents, plan.toAdd, { now, newId: ports.randomId });
    return {
      contents: { ...contents, accounts: [...contents.accounts, ...added] },
      result: { added: added.length, skipped: unusable + plan.duplicates.length },
    };
  });
};

/**
 * The vault, opened with the password the user typed again (Argon2id), on top of
 * the unlocked session: an unattended unlocked browser must not give secrets away.
 */
async function openWithPassword(ports: BackgroundPorts, password: string): Promise<{ contents: VaultContents; masterKey: Uint8Array; file: VaultFile }> {
  await requireKey(ports);
  return unlockVault(await requireVaultFile(ports), password);
}

export const exportFile: Handler<'export.file'> = async ({ format, password }, ports) => {
  const { contents, masterKey, file } = await openWithPassword(ports, password);
  const now = ports.now();
  const { fileName, mimeType } = exportFileName(format, now);
  if (format === 'hikae-encrypted') {
    // Protected by the vault password alone, attackable offline: not under one known to be weak.
    // (A plain export is not protected by the password at all: no gain in refusing it.)
    await requirePasswordNotWeak(ports);
    // The backup format: device-bound secrets are left out by createBackup itself.
    const backup = await createBackup({ contents, masterKey, vaultFile: file, device: ports.device, now }, { random: ports.random });
    const notExported = contents.accounts.filter((a) => a.deviceBound === true).map(deviceBoundOmission);
    return { fileName, mimeType, text: `${JSON.stringify(backup, null, 2)}\n`, notExported };
  }
  const { accounts, omitted } = plainExportable(contents.accounts);
  const text = format === 'aegis-plain' ? toAegisPlainJson(accounts) : toOtpUriList(accounts);
  return { fileName, mimeType, text, notExported: omitted };
};

export const exportMigrationQr: Handler<'export.migration-qr'> = async ({ password }, ports) => {
  const { contents } = await openWithPassword(ports, password);
  const { accounts, omitted } = plainExportable(contents.accounts);
  const { uris, notExported } = toMigrationPayloads(accounts);
  const unrepresentable: ExportOmission[] = notExported.map(({ account, reason }) => ({ label: accountLabel(account), ...reason }));
  return { uris, notExported: [...omitted, ...unrepresentable] };
};

/** The handler of each transfer request (lib/messaging/requests/transfer.ts). */
export const TRANSFER_HANDLERS: HandlersFor<typeof TRANSFER_REQUESTS> = {
  'import.preview': importPreview,
  'import.apply': importApply,
  'export.file': exportFile,
  'export.migration-qr': exportMigrationQr,
};
