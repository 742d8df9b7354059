import { z } from 'zod';
import { answer, defineRequest } from '../define-request';
import type { AccountView, CodeView } from '../views';
import { id, MAX_LISTED_ACCOUNTS, text, VAULT_ERRORS } from './fields';

/** Input for a new account, as typed in a form: anything may be wrong, the background validates. */
const draft = z
  .object({
    issuer: z.unknown(),
    accountName: z.unknown(),
    secret: z.unknown(),
    type: z.unknown(),
    algorithm: z.unknown(),
    digits: z.unknown(),
    period: z.unknown(),
    counter: z.unknown(),
    sites: z.unknown(),
    deviceBound: z.unknown(),
  })
  .partial()
  .strict();
export type DraftInput = z.infer<typeof draft>;

/**
 * Fields an edit may change. The generator fields (`secret`, `algorithm`, `digits`,
 * `period`, `counter`; the type is fixed at creation) arrive as typed, like a new
 * account's, and pass the same validation. `sites` replaces the whole list (the
 * background normalises and checks each entry, docs/autofill.md); bounded here
 * only against a hostile sender.
 */
const edit = z
  .object({
    issuer: text,
    accountName: text,
    secret: text,
    algorithm: z.unknown(),
    digits: z.unknown(),
    period: z.unknown(),
    counter: z.unknown(),
    deviceBound: z.boolean(),
    sites: z.array(text).max(1000),
    siteMatch: z.enum(['domain', 'origin']),
  })
  .partial()
  .strict();
export type AccountEdit = z.infer<typeof edit>;

/** The user's accounts and their codes. */
export const ACCOUNT_REQUESTS = {
  // The popup's timer refreshing codes: a popup left open is not a person using it.
  // `ids`: only these accounts' codes (the rows a page shows); all accounts' otherwise.
  // Unknown ids are skipped (deleted meanwhile), not an error.
  'codes.get': defineRequest({
    payload: z.object({ ids: z.array(id).max(MAX_LISTED_ACCOUNTS).optional() }).strict(),
    response: answer<CodeView[]>(),
    passive: true,
    errors: VAULT_ERRORS,
  }),
  // `sameNameAllowed`: the user was told an account has this issuer and name, and adds it anyway.
  'accounts.add': defineRequest({
    payload: z.union([z.object({ draft, sameNameAllowed: z.literal(true).optional() }).strict(), z.object({ uri: text }).strict()]),
    response: answer<AccountView>(),
    errors: [...VAULT_ERRORS, 'invalid-account', 'invalid-site', 'duplicate-account'],
  }),
  'accounts.parse-uri': defineRequest({
    payload: z.object({ uri: text }).strict(),
    response: answer<AccountView>(),
    errors: [...VAULT_ERRORS, 'invalid-account', 'duplicate-account'],
  }),
  'accounts.update': defineRequest({
    payload: z.object({ id, edit }).strict(),
    response: answer<AccountView>(),
    errors: [...VAULT_ERRORS, 'invalid-account', 'invalid-site', 'duplicate-account', 'not-found'],
  }),
  'accounts.delete': defineRequest({ payload: z.object({ id }).strict(), response: answer<null>(), errors: [...VAULT_ERRORS, 'not-found'] }),
  'accounts.undo-delete': defineRequest({
    payload: z.object({ id }).strict(),
    response: answer<AccountView>(),
    errors: [...VAULT_ERRORS, 'not-found', 'duplicate-account'],
  }),
  'accounts.reorder': defineRequest({
    payload: z.object({ ids: z.array(id).max(100_000) }).strict(),
    response: answer<null>(),
    errors: [...VAULT_ERRORS, 'not-found'],
  }),
  'accounts.next-hotp': defineRequest({ payload: z.object({ id }).strict(), response: answer<CodeView>(), errors: [...VAULT_ERRORS, 'not-found'] }),
};
