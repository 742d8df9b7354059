import type { z } from 'zod';

/*
 * One definition per stored item (in the spirit of WXT's `storage.defineItem`
 * and Bitwarden's key definitions): its key, area, schema, version and pure
 * migrations, what it holds and how long it lives. Reading never writes and
 * never resets: a value that does not parse is a {@link StoredValueInvalidError}
 * and stays where it is. The registry of every item is ./items.ts.
 */

export type StorageAreaName = 'local' | 'session';

/** What a stored value holds, for the "who may see what" table of docs/security.md. */
export type Holds =
  /** Secrets in the clear (OTP secrets, otpauth:// texts, the master key): storage.session only. */
  | 'secrets'
  /** Secrets only as ciphertext (the vault, the pending encrypted backup). */
  | 'encrypted-secrets'
  /** Nothing secret. */
  | 'nothing-secret';

/** When the value is dropped. */
export type Lifetime =
  /** On every lock (by hand, auto-lock, a damaged session) — and when the browser closes. */
  | 'until-lock'
  /** When the user signs out of Microsoft. */
  | 'until-sign-out'
  /** Until the user changes it (or removes the extension). */
  | 'kept';

/** One area of extension storage (browser.storage.local / .session), as the background sees it. */
export interface StorageArea {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  /** Writes several keys in ONE storage call (all or none land). */
  setMany(entries: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
  /** Every key stored in the area. */
  keys(): Promise<string[]>;
  /** Removes several keys in ONE storage call. */
  removeMany(keys: readonly string[]): Promise<void>;
}

/** Migrations of stored values, `n → n + 1`, pure. */
export type StoredMigrations = Readonly<Record<number, (value: unknown) => unknown>>;

export interface StoredItem<T> {
  /** The storage key; for a family of keys (`family: true`), their common prefix. */
  key: string;
  /** A family of keys (`key` + an id), e.g. one scan record per tab. */
  family?: true;
  area: StorageAreaName;
  /** The version this code writes. */
  version: number;
  holds: Holds;
  lifetime: Lifetime;
  /** One line for docs/security.md and the registry test. */
  describes: string;
  /** The schema of a value of the current version. */
  schema: z.ZodType<T>;
  /** `migrations[n]` turns a version-n value into version n + 1. */
  migrations: StoredMigrations;
  /** The version of a stored value; `undefined` when it has none it can tell. */
  versionOf(value: unknown): number | undefined;
  /** The stored form of a current value. */
  toStored(value: T): unknown;
}

/** What the registry says about an item, whatever its value type. */
export type ItemDeclaration = Pick<StoredItem<unknown>, 'key' | 'family' | 'area' | 'version' | 'holds' | 'lifetime' | 'describes'>;

/** Why a stored value could not be read. */
export type StoredValueProblem = 'unreadable' | 'too-new' | 'no-migration';

/** A stored value that does not parse (or was written by a newer version). It is left in place. */
export class StoredValueInvalidError extends Error {
  override readonly name = 'StoredValueInvalidError';
  constructor(readonly key: string, readonly problem: StoredValueProblem, message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The default version convention: an object stores its version in `v`; a value
 * without one is version 1 (every item's first stored shape had none).
 */
export const versionInV = (value: unknown): number | undefined => {
  if (!isRecord(value) || !('v' in value)) return 1;
  return typeof value.v === 'number' && Number.isInteger(value.v) && value.v >= 1 ? value.v : undefined;
};

/** Declares an item; defaults: version 1, no migrations, version in `v` (absent = 1), stored as is. */
export function defineItem<T>(
  item: Omit<StoredItem<T>, 'version' | 'migrations' | 'versionOf' | 'toStored'> & Partial<Pick<StoredItem<T>, 'version' | 'migrations' | 'versionOf' | 'toStored'>>,
): StoredItem<T> {
  return { version: 1, migrations: {}, versionOf: versionInV, toStored: (value) => value, ...item };
}

/** The storage key of one member of a family (or the item's own key). */
export function keyOf(item: ItemDeclaration, id?: string | number): string {
  if (item.family && id === undefined) throw new Error(`${item.key}* is a family of keys: give the id.`);
  return item.family ? `${item.key}${String(id)}` : item.key;
}

/**
 * A stored value brought to the current version and parsed (pure). Throws
 * {@link StoredValueInvalidError}: `too-new` (written by a newer version),
 * `no-migration`, or `unreadable` (no version, or the schema refuses it).
 */
export function parseStored<T>(item: StoredItem<T>, key: string, stored: unknown): T {
  const version = item.versionOf(stored);
  if (version === undefined) throw new StoredValueInvalidError(key, 'unreadable', `The stored "${key}" has no readable version.`);
  if (version > item.version) {
    throw new StoredValueInvalidError(key, 'too-new', `The stored "${key}" is version ${version}; this version of the extension reads up to ${item.version}.`);
  }
  let value = stored;
  for (let from = version; from < item.version; from++) {
    const step = item.migrations[from];
    if (!step) throw new StoredValueInvalidError(key, 'no-migration', `No migration of "${key}" from version ${from}.`);
    value = step(value);
  }
  const parsed = item.schema.safeParse(value);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new StoredValueInvalidError(key, 'unreadable', `The stored "${key}" is unreadable: ${detail}`, { cause: parsed.error });
  }
  return parsed.data;
}

/** Reads an item: `null` when absent; never writes (an unreadable value stays in place and throws). */
export async function readItem<T>(area: Pick<StorageArea, 'get'>, item: StoredItem<T>, id?: string | number): Promise<T | null> {
  const key = keyOf(item, id);
  const stored = await area.get(key);
  return stored === undefined || stored === null ? null : parseStored(item, key, stored);
}

/** The storage entry of a value: `{ key: stored form }`, for one `setMany` with other items. */
export function entryOf<T>(item: StoredItem<T>, value: T, id?: string | number): Record<string, unknown> {
  return { [keyOf(item, id)]: item.toStored(item.schema.parse(value)) };
}

/** Writes an item in one storage call (checked against its schema first: never store what can't be read). */
export async function writeItem<T>(area: Pick<StorageArea, 'setMany'>, item: StoredItem<T>, value: T, id?: string | number): Promise<void> {
  await area.setMany(entryOf(item, value, id));
}

export async function removeItem(area: Pick<StorageArea, 'remove'>, item: ItemDeclaration, id?: string | number): Promise<void> {
  await area.remove(keyOf(item, id));
}
