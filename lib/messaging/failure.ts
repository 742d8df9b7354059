import type { AccountField, AccountProblem } from '../otp/errors';
import type { DuplicateReason } from '../otp/duplicates';
import type { SiteHint } from '../autofill/resemblance';
import type { SiteEntryProblem } from '../autofill/site-entry';

/*
 * Every way a request can fail, as a page receives it: a union keyed by `code`,
 * each code with its own typed fields. A page switches on `code` and the compiler
 * knows which fields exist; components/failure-message.ts turns each code into a
 * sentence in the user's language. The developer-facing `message` is English.
 */

/** The fields each error code carries besides `code` and `message` ({} = none). */
export interface FailureFields {
  locked: object;
  'not-initialized': object;
  'already-initialized': object;
  'wrong-password': object;
  /** The password field of the form the failure came from. */
  'weak-password': { field: 'password' };
  /** The vault password is known to be weak: backup and encrypted export wait for a change. */
  'password-change-required': object;
  'vault-damaged': object;
  'vault-unsupported-version': object;
  /** A stored item (lib/storage) that does not parse, by its storage key; it was left in place. */
  'stored-data-unreadable': { key: string };
  /** The field that is wrong and what is wrong with it, as the add form shows it. */
  'invalid-account': { field: AccountField; problem: AccountProblem };
  /** `existing`: the account it duplicates, as the user knows it ("GitHub — alice"). */
  'duplicate-account': { reason: DuplicateReason; existing?: string };
  /** A site of an account that cannot be stored (docs/autofill.md): what is wrong and the entry as typed. */
  'invalid-site': { problem: SiteEntryProblem; input: string };
  'not-found': object;
  /** `field`: the payload field that is wrong, when one is to blame. */
  'bad-request': { field?: string };
  'forbidden-sender': object;
  'scan-not-allowed': object;
  'permission-required': object;
  /** `formatGuessed`: the file has no header (old andOTP), so the password is asked for on a guess. */
  'import-password-required': { formatGuessed?: boolean };
  'import-wrong-password': object;
  'import-unsupported-format': object;
  'import-damaged-file': object;
  'import-limit-exceeded': object;
  /** The file ends early (a Google Authenticator export cut short); how many accounts could be read before the end. */
  'import-cut-short': { accountsRead: number };
  'cloud-not-configured': object;
  'cloud-signed-out': object;
  'sign-in-required': object;
  /** The signed-in Microsoft account that has no backup. */
  'no-backup': { username: string };
  /** What is wrong, when it is something the user should be told apart: KDF parameters out of bounds, or a slot weaker than the defaults. */
  'backup-damaged': { problem?: 'kdf-params' | 'weak-slot' };
  'backup-newer-version': object;
  'cloud-unreachable': object;
  'cloud-forbidden': object;
  /**
   * Filling (docs/autofill.md): the page can never get a code — `not-web` (a browser
   * page, a file), `insecure` (http outside loopback), `not-scriptable` (the browser
   * refused to run the fill script there). `host`: the page's, when it has one.
   */
  'fill-page-refused': { problem: 'not-web' | 'insecure' | 'not-scriptable'; host: string | null };
  /**
   * No account (or not the one asked for) is bound to the page: "No account for
   * evil.example — GitHub's is github.com". `site`: the page's registrable domain;
   * `hints`: accounts the user may have meant, with their real site.
   */
  'fill-no-account': { host: string; site: string; hints: SiteHint[] };
  /** Several accounts are bound to the page: the popup asks which (`accountIds`, the user's order). */
  'fill-several': { accountIds: string[] };
  /** The only frame with a code field is not on the account's site (a cross-site iframe): nothing was sent. `frameHost`: as the browser reports it. */
  'fill-frame-off-site': { frameHost: string | null; site: string };
  /** No visible, enabled code field on the page. */
  'fill-no-field': object;
  /** The page navigated or closed before the code was written: nothing was filled. */
  'fill-interrupted': object;
  /** The account already has sites: it is not bound to another one from the popup (options page: Sites). */
  'fill-already-bound': { sites: string[] };
  internal: object;
}

/** Stable error codes a page can receive; each has a translated message in _locales. */
export type ErrorCode = keyof FailureFields;

/** Every failure: one member per code, with that code's fields. */
type AnyFailure = { [K in ErrorCode]: { code: K; message: string } & FailureFields[K] }[ErrorCode];

/** A failure with code `C` (default: any code), its typed fields included. */
export type ProtocolFailure<C extends ErrorCode = ErrorCode> = Extract<AnyFailure, { code: C }>;

/** Narrows a failure to the given codes. */
export function isFailureOf<C extends ErrorCode>(failure: ProtocolFailure, codes: readonly C[]): failure is ProtocolFailure<C> {
  return codes.some((code) => code === failure.code);
}

/** Any request may fail with these: a malformed or refused message, or a bug of ours. */
// Any request reads stored items (lib/storage): one that does not parse can fail any of them.
export const COMMON_ERRORS = ['bad-request', 'forbidden-sender', 'stored-data-unreadable', 'internal'] as const satisfies readonly ErrorCode[];
export type CommonError = (typeof COMMON_ERRORS)[number];

/** The form field a failure is about, if any (the page shows the message next to it). */
export function failureField(failure: ProtocolFailure): string | undefined {
  return 'field' in failure ? failure.field : undefined;
}
