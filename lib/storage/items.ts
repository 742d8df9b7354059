import { z } from 'zod';
import { PendingFill } from '../autofill/pending-fill';
import { AccountUsage, NudgeSnooze, PopupSettings } from '../display/popup-settings';
import { Account } from '../otp/account';
import { ScanRecord } from '../scan/scan-record';
import { SyncState } from '../sync/sync-state';
import { parseVaultFile, VAULT_VERSION, type VaultFile } from '../vault';
import { defineItem, type ItemDeclaration, type StoredItem } from './stored-item';

/*
 * THE registry: every key the extension keeps in browser.storage, declared once.
 * docs/security.md's "who may see what" table is held against this list by
 * tests/unit/storage/registry.test.ts; lock clears every `until-lock` item
 * (./lock.ts). MSAL's token cache and its cookie jar live in the extension
 * origin's localStorage, owned by lib/auth, and are not browser.storage items.
 */

/*
 * Where an item lives, what it holds and how long: the combinations in use, named
 * once so that a declaration reads as its key, what it describes and its schema.
 */
/** Ciphertext of secrets, kept on this device. */
const KEPT_ENCRYPTED = { area: 'local', holds: 'encrypted-secrets', lifetime: 'kept' } as const;
/** Secrets in the clear: storage.session, gone on lock. */
const SECRET_UNTIL_LOCK = { area: 'session', holds: 'secrets', lifetime: 'until-lock' } as const;
/** A setting or verdict with nothing secret, kept on this device. */
const KEPT_SETTING = { area: 'local', holds: 'nothing-secret', lifetime: 'kept' } as const;

type Placement = Pick<StoredItem<unknown>, 'area' | 'holds' | 'lifetime'>;

/** An item of version 1 at `key`, placed as `placement` says. */
function item<T>(key: string, placement: Placement, describes: string, schema: z.ZodType<T>): StoredItem<T> {
  return defineItem<T>({ key, ...placement, describes, schema });
}

/**
 * The encrypted vault (docs/vault-format.md). Its versions are the file format's
 * own: the reader opens versions 1 and 2, the one write path (lib/sync/vault-write.ts)
 * writes 2 — the migration on first write. An unreadable vault is the vault's
 * typed error (VaultDamagedError, UnsupportedVaultVersionError), never a reset.
 */
export const VAULT_ITEM: StoredItem<VaultFile> = defineItem<VaultFile>({
  key: 'vault',
  ...KEPT_ENCRYPTED,
  version: VAULT_VERSION,
  describes: 'OTP secrets, account names, issuers, settings — AES-256-GCM under the master key',
  schema: z.unknown().transform((value) => parseVaultFile(value)),
  // The file's `version` is read by parseVaultFile (too new → UnsupportedVaultVersionError).
  versionOf: () => VAULT_VERSION,
});

/** The cloud backup state (docs/backup-sync.md): the switch, the account, the pending encrypted upload. */
export const SYNC_STATE_ITEM: StoredItem<SyncState> = defineItem<SyncState>({
  key: 'cloud-backup',
  ...KEPT_ENCRYPTED,
  describes: 'the backup switch, the Microsoft account name, and the pending upload (the already-encrypted backup file)',
  schema: SyncState,
});

/** The unlocked master key and the auto-lock clock. */
export const UnlockRecord = z.object({
  /** base64 of the 32-byte master key. */
  masterKey: z.string(),
  lastActivityMs: z.number(),
  autoLockMinutes: z.number().int().positive(),
  /**
   * base64 of the key a re-key in this session replaced: a backup another device
   * sealed with it before it saw the re-key can still be merged (lib/sync/sync-engine.ts).
   */
  previousMasterKey: z.string().optional(),
});
export type UnlockRecord = z.infer<typeof UnlockRecord>;

export const UNLOCKED_ITEM = item('unlocked', SECRET_UNTIL_LOCK, 'the unlocked master key', UnlockRecord);

/** A deleted account kept for Undo, with where it was. */
export const DeletedEntry = z.object({ account: Account, index: z.number().int().nonnegative(), deletedAt: z.number() });
export type DeletedEntry = z.infer<typeof DeletedEntry>;

export const RECENTLY_DELETED_ITEM = item('recently-deleted', SECRET_UNTIL_LOCK, 'recently deleted accounts (for Undo), ≤ 10 min', z.array(DeletedEntry));

/** One record per source: `scan:tab:<tab id>`, `scan:image`. */
export const SCAN_RECORD_ITEM: StoredItem<ScanRecord> = defineItem<ScanRecord>({
  key: 'scan:',
  family: true,
  ...SECRET_UNTIL_LOCK,
  describes: 'QR codes found on a page or in an image, waiting to be added (whole otpauth:// texts), ≤ 10 min',
  schema: ScanRecord,
});

export const ScanSettings = z.object({ autoDetect: z.boolean() });
export type ScanSettings = z.infer<typeof ScanSettings>;

export const SCAN_SETTINGS_ITEM = item('scan-settings', KEPT_SETTING, 'whether automatic QR detection is on', ScanSettings);

/** A code the popup copied, to clear from the clipboard at `clearAt` if it is still there. */
export const CopiedCode = z.object({ text: z.string(), clearAt: z.number() });
export type CopiedCode = z.infer<typeof CopiedCode>;

export const COPIED_CODE_ITEM = item(
  'copied-code',
  // Kept past a lock: the clipboard is cleared even when the vault locks meanwhile.
  { area: 'session', holds: 'secrets', lifetime: 'kept' },
  'the last copied one-time code, until it is cleared from the clipboard (≤ 10 min)',
  CopiedCode,
);

/** One pending fill per tab: `fill:<tab id>` (docs/autofill.md, step 2). */
export const PENDING_FILL_ITEM: StoredItem<PendingFill> = defineItem<PendingFill>({
  key: 'fill:',
  family: true,
  area: 'session',
  holds: 'nothing-secret',
  lifetime: 'until-lock',
  describes: 'a checked fill waiting for its frame to ask: account id, frame id, expiry (≤ 15 s)',
  schema: PendingFill,
});

/**
 * What the extension knows of the vault password's strength (docs/security.md,
 * "Password policy"): the verdict of the page where it was chosen or typed, for
 * the password slot it was given for (`slot`: that slot's checksum). A password
 * changed since (here or on another device) has another slot: unchecked again.
 */
export const PasswordCheck = z.object({ slot: z.string().min(1).max(100), weak: z.boolean() });
export type PasswordCheck = z.infer<typeof PasswordCheck>;

export const PASSWORD_CHECK_ITEM = item(
  'password-check',
  KEPT_SETTING,
  'whether the vault password met the password policy when it was chosen or last typed (not the password)',
  PasswordCheck,
);

/** The popup's display (docs/popup-display.md): hide codes, order, pins. */
export const POPUP_SETTINGS_ITEM = item('popup-settings', KEPT_SETTING, 'hide codes, the popup order, pinned account ids', PopupSettings);

/** Copies and fills per account, for the "most used" order (docs/popup-display.md). */
export const ACCOUNT_USAGE_ITEM = item('account-usage', KEPT_SETTING, 'how often each account (by id) was copied or filled', AccountUsage);

/** The backup suggestion's "Not now" (docs/popup-display.md). */
export const BACKUP_NUDGE_ITEM = item('backup-nudge', KEPT_SETTING, 'when the backup suggestion was put off, and the account count then', NudgeSnooze);

/** Every stored item. A key not matched by one of these is not the extension's. */
export const STORED_ITEMS: readonly ItemDeclaration[] = [
  VAULT_ITEM,
  SYNC_STATE_ITEM,
  UNLOCKED_ITEM,
  RECENTLY_DELETED_ITEM,
  SCAN_RECORD_ITEM,
  SCAN_SETTINGS_ITEM,
  COPIED_CODE_ITEM,
  PENDING_FILL_ITEM,
  PASSWORD_CHECK_ITEM,
  POPUP_SETTINGS_ITEM,
  ACCOUNT_USAGE_ITEM,
  BACKUP_NUDGE_ITEM,
];

/** The item a storage key belongs to, or `null`. */
export function itemOfKey(area: 'local' | 'session', key: string): ItemDeclaration | null {
  return STORED_ITEMS.find((item) => item.area === area && (item.family ? key.startsWith(item.key) : key === item.key)) ?? null;
}
