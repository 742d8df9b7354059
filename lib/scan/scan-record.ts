import { z } from 'zod';
import { TEXT_LIMITS } from './scan-limits';

/*
 * Found codes waiting for the user: one storage.session record per source (a tab,
 * or the options page's images). Declared in the storage registry
 * (lib/storage/items.ts): secrets (whole otpauth:// texts), cleared on lock.
 */

const RecordTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tab'), tabId: z.number().int(), origin: z.string() }),
  z.object({ kind: z.literal('image') }),
]);

export const ScanRecord = z.object({
  v: z.literal(1),
  target: RecordTarget,
  site: z.string().nullable(),
  updatedAtMs: z.number(),
  texts: z.array(z.string().max(TEXT_LIMITS.maxTextChars)).max(TEXT_LIMITS.maxTexts),
  addedKeys: z.array(z.string()),
  /** What automatic detection has used of this page's budget. */
  watch: z.object({ reports: z.number().int().min(0), spentMs: z.number().min(0) }),
});
export type ScanRecord = z.infer<typeof ScanRecord>;

