import { z } from 'zod';

/*
 * The popup's display preferences and the facts they use (docs/popup-display.md):
 * plain values of this browser, never secret, never in the vault.
 */

/** Bound on stored id lists and maps: far above any real vault, so work stays bounded. */
export const MAX_DISPLAY_IDS = 10_000;
/** A use count stops here (a counter, not a log). */
export const MAX_USE_COUNT = 1_000_000;

const accountId = z.string().min(1).max(100);

export const SORT_ORDERS = ['manual', 'alphabetical', 'most-used'] as const;
export const SortOrder = z.enum(SORT_ORDERS);
export type SortOrder = z.infer<typeof SortOrder>;

export const PopupSettings = z.object({
  hideCodes: z.boolean(),
  sort: SortOrder,
  /** Pinned account ids, in the order they were pinned. */
  pinned: z.array(accountId).max(MAX_DISPLAY_IDS),
});
export type PopupSettings = z.infer<typeof PopupSettings>;

export const DEFAULT_POPUP_SETTINGS: PopupSettings = { hideCodes: false, sort: 'manual', pinned: [] };

export const AccountUse = z.object({ count: z.number().int().min(0).max(MAX_USE_COUNT), lastMs: z.number() });
export type AccountUse = z.infer<typeof AccountUse>;
export const AccountUsage = z.object({
  uses: z.record(accountId, AccountUse).refine((uses) => Object.keys(uses).length <= MAX_DISPLAY_IDS, 'too many accounts'),
});
export type AccountUsage = z.infer<typeof AccountUsage>;

export const NudgeSnooze = z.object({ snoozedAt: z.number(), accountCount: z.number().int().min(0) });
export type NudgeSnooze = z.infer<typeof NudgeSnooze>;

/** `settings` with `id` pinned (at the end) or unpinned; ids not in `existing` are dropped. */
export function withPin(settings: PopupSettings, id: string, pinned: boolean, existing: ReadonlySet<string>): PopupSettings {
  const kept = settings.pinned.filter((p) => p !== id && existing.has(p));
  return { ...settings, pinned: pinned ? [...kept, id] : kept };
}

/** `usage` with one more use of `id` at `nowMs`; ids not in `existing` are dropped. */
export function withUse(usage: AccountUsage, id: string, nowMs: number, existing: ReadonlySet<string>): AccountUsage {
  const uses: Record<string, AccountUse> = {};
  for (const [key, use] of Object.entries(usage.uses)) if (existing.has(key)) uses[key] = use;
  const count = Math.min(MAX_USE_COUNT, (uses[id]?.count ?? 0) + 1);
  uses[id] = { count, lastMs: nowMs };
  return { uses };
}
