/**
 * Typed results at boundaries (messages, storage, network): a caller must look at
 * `ok` before it can reach the value, and an error always carries a stable `code`
 * the UI translates, plus a developer-facing `message`.
 */
export interface Failure<Code extends string = string> {
  code: Code;
  message: string;
  /** The input field the error is about, when there is one (shown inline next to it). */
  field?: string;
  /** A finer, stable reason within `code` (e.g. `invalid-base32` for `invalid-account`). */
  reason?: string;
}

export type Result<T, Code extends string = string> =
  | { ok: true; value: T }
  | { ok: false; error: Failure<Code> };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const fail = <Code extends string>(
  code: Code,
  message: string,
  details: { field?: string; reason?: string } = {},
): { ok: false; error: Failure<Code> } => ({ ok: false, error: { code, message, ...details } });
