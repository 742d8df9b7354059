import { z } from 'zod';
import { Account } from '../otp/account';
import { Settings } from './settings';
import { InvalidVaultInputError, UnsupportedVaultVersionError, VaultDamagedError } from './errors';
import { migrate, type MigrationTable } from './migrations';
import { SHARED_CONTENTS_MIGRATIONS } from './contents-migrations';
import { describeIssues } from './envelope';

/** Remembers a deletion so a backup merge never brings the account back. */
export const Tombstone = z.object({
  /** The deleted account's id. */
  id: z.string().min(1),
  /** Milliseconds since the epoch. */
  deletedAt: z.number(),
});
export type Tombstone = z.infer<typeof Tombstone>;

const uniqueIds = (items: readonly { id: string }[]) => new Set(items.map((i) => i.id)).size === items.length;

/**
 * What the vault holds (encrypted). The order of `accounts` is the user's order.
 * See docs/vault-format.md.
 */
export const VaultContents = z.object({
  accounts: z.array(Account).refine(uniqueIds, 'Two accounts have the same id.'),
  settings: Settings,
  tombstones: z.array(Tombstone).refine(uniqueIds, 'Two tombstones have the same id.'),
  /** When the user last reordered the accounts (ms since the epoch); absent = never. Merge: newest order wins. */
  orderModifiedAt: z.number().optional(),
  /** When a setting last changed (ms since the epoch); absent = never. Merge: newest settings win. */
  settingsModifiedAt: z.number().optional(),
  /** The tombstone pruning horizon (a stamp): deletions before it are forgotten. Absent = nothing pruned yet. See docs/backup-format.md. */
  prunedBefore: z.number().optional(),
});
export type VaultContents = z.infer<typeof VaultContents>;

/** The `contentsVersion` this code writes. */
export const CURRENT_CONTENTS_VERSION = 2;

/** Migrations of the encrypted contents, `n → n + 1` (1 → 2: sites, docs/autofill.md). */
export const CONTENTS_MIGRATIONS: MigrationTable = SHARED_CONTENTS_MIGRATIONS;


/** Validates contents about to be written; a vault that could not be read back is never written. */
export function checkContents(contents: unknown): VaultContents {
  const parsed = VaultContents.safeParse(contents);
  if (!parsed.success) {
    throw new InvalidVaultInputError('invalid-contents', `The vault contents are invalid: ${describeIssues(parsed.error)}`, { cause: parsed.error });
  }
  return parsed.data;
}

/** The plaintext of the payload: UTF-8 JSON with the contents version first. */
export function encodeContents(contents: VaultContents): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ contentsVersion: CURRENT_CONTENTS_VERSION, ...checkContents(contents) }));
}

/**
 * Parses decrypted JSON whose version lives in `contentsVersion`, migrates it and
 * validates it. Shared by the vault and the backup (which pass their own schema
 * and table). Throws `damaged(…)` or {@link UnsupportedVaultVersionError}.
 */
export function decodeVersioned<T>(
  plaintext: Uint8Array,
  options: {
    schema: z.ZodType<T>;
    current: number;
    migrations: MigrationTable;
    what: string;
    damaged: (message: string, cause?: unknown) => VaultDamagedError;
    unsupported: (version: number) => UnsupportedVaultVersionError;
  },
): T {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext));
  } catch (cause) {
    throw options.damaged(`The decrypted ${options.what} are not UTF-8 JSON.`, cause);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw options.damaged(`The decrypted ${options.what} are not a JSON object.`);
  }
  const migrated = migrate(raw as Record<string, unknown>, 'contentsVersion', options.current, options.migrations);
  if (!migrated.ok) {
    if (migrated.problem === 'too-new' && migrated.version !== undefined) throw options.unsupported(migrated.version);
    if (migrated.problem === 'no-migration') {
      throw options.damaged(`No migration of the ${options.what} from contentsVersion ${String(migrated.version)}.`);
    }
    throw options.damaged(`The ${options.what} have no valid contentsVersion (found ${String(migrated.version)}).`);
  }
  const { contentsVersion: _version, ...rest } = migrated.data;
  const parsed = options.schema.safeParse(rest);
  if (!parsed.success) {
    throw options.damaged(`The decrypted ${options.what} are invalid: ${describeIssues(parsed.error)}`, parsed.error);
  }
  return parsed.data;
}

/** Decrypted payload → contents, migrating older contents versions. */
export function decodeContents(plaintext: Uint8Array): VaultContents {
  return decodeVersioned(plaintext, {
    schema: VaultContents,
    current: CURRENT_CONTENTS_VERSION,
    migrations: CONTENTS_MIGRATIONS,
    what: 'vault contents',
    damaged: (message, cause) => new VaultDamagedError('contents', message, { cause }),
    unsupported: (version) =>
      new UnsupportedVaultVersionError(version, 'contents', `The vault contents are version ${version}; this version of the extension reads up to ${CURRENT_CONTENTS_VERSION}. Update the extension.`),
  });
}
