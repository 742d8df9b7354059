import type { AccountUsage, PopupSettings } from './popup-settings';

/** What ordering needs of an account. */
export interface Orderable {
  id: string;
  issuer: string;
  accountName: string;
}

/**
 * The popup's order (docs/popup-display.md, "Pins and order"): pinned accounts
 * first, then the others, each group in the chosen order. `accounts` is the
 * manual order (the vault's); the sort is stable, so manual order breaks ties.
 * `locale`: for alphabetical (the runtime's own when absent: the browser's language).
 */
export function popupOrder<T extends Orderable>(
  accounts: readonly T[],
  { sort, pinned }: Pick<PopupSettings, 'sort' | 'pinned'>,
  usage: AccountUsage,
  locale?: string,
): T[] {
  const compare = comparator<T>(sort, usage, locale);
  const pins = new Set(pinned);
  const first = accounts.filter((a) => pins.has(a.id));
  const rest = accounts.filter((a) => !pins.has(a.id));
  return compare ? [...first.sort(compare), ...rest.sort(compare)] : [...first, ...rest];
}

function comparator<T extends Orderable>(sort: PopupSettings['sort'], usage: AccountUsage, locale: string | undefined): ((a: T, b: T) => number) | null {
  if (sort === 'manual') return null;
  if (sort === 'alphabetical') {
    const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    const title = (a: T) => a.issuer || a.accountName;
    return (a, b) => collator.compare(title(a), title(b)) || collator.compare(a.accountName, b.accountName);
  }
  const use = (a: T) => usage.uses[a.id] ?? { count: 0, lastMs: 0 };
  return (a, b) => use(b).count - use(a).count || use(b).lastMs - use(a).lastMs;
}
