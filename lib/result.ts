/**
 * Typed results at boundaries (messages, storage, network): a caller must look at
 * `ok` before it can reach the value. At the message boundary the error is a
 * failure with a stable `code` the UI translates (lib/messaging/failure.ts).
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const fail = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });
