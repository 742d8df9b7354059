/**
 * Versioned data with pure migrations (the WXT `defineItem({ version, migrations })`
 * idea): `table[n]` turns version-n data into version n+1. Shared by the vault
 * and backup contents.
 */
export type MigrationTable = Readonly<Record<number, (data: Record<string, unknown>) => Record<string, unknown>>>;

/** Why data could not be brought to the current version. */
export type MigrationOutcome =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; problem: 'missing-version' | 'too-new' | 'no-migration'; version: number | undefined };

/**
 * Runs the migrations from the version stored in `data[versionField]` up to
 * `current`, setting the version field after each step. Pure: `data` is not
 * changed. The caller turns a failure into its own typed error.
 */
export function migrate(
  data: Record<string, unknown>,
  versionField: string,
  current: number,
  table: MigrationTable,
): MigrationOutcome {
  const stored = data[versionField];
  if (typeof stored !== 'number' || !Number.isInteger(stored) || stored < 1) {
    return { ok: false, problem: 'missing-version', version: typeof stored === 'number' ? stored : undefined };
  }
  if (stored > current) return { ok: false, problem: 'too-new', version: stored };
  let result = data;
  for (let version = stored; version < current; version++) {
    const step = table[version];
    if (!step) return { ok: false, problem: 'no-migration', version };
    result = { ...step(result), [versionField]: version + 1 };
  }
  return { ok: true, data: result };
}
