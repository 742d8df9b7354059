import { z } from 'zod';

/**
 * The signed-in Microsoft account, as MSAL reports it after sign-in and as the
 * extension remembers it (sync state, the `cloud.connect` request, the auth host).
 * Bounded, so a hostile page can't make the background store megabytes.
 */
export const SignedInAccount = z.object({
  homeAccountId: z.string().min(1).max(300),
  username: z.string().max(300),
  name: z.string().max(300),
});
export type SignedInAccount = z.infer<typeof SignedInAccount>;
