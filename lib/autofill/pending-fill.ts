import { z } from 'zod';

/**
 * A fill the background has checked and is about to hand out (docs/autofill.md,
 * step 2): which account, for which frame of the tab, until when. The fill script's
 * request is answered only if it comes from that frame before `expiresAtMs`, and
 * only once. Holds no code and no secret.
 */
export const PendingFill = z.object({
  accountId: z.string().min(1).max(100),
  frameId: z.number().int().min(0),
  expiresAtMs: z.number(),
});
export type PendingFill = z.infer<typeof PendingFill>;
