import type { AccountField, AccountProblem } from '../otp/errors';
import type { DuplicateReason } from '../otp/duplicates';

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
  'vault-damaged': object;
  'vault-unsupported-version': object;
  /** A stored item (lib/storage) that does not parse, by its storage key; it was left in place. */
  'stored-data-unreadable': { key: string };
  /** The field that is wrong and what is wrong with it, as the add form shows it. */
  'invalid-account': { field: AccountField; problem: AccountProblem };
  'duplicate-account': { reason: DuplicateReason };
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
