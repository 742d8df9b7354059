import type { ErrorCode, Payload, RequestType, Response } from './protocol';

/** Sends one message to the background and resolves with its answer (runtime.sendMessage). */
export type SendMessage = (message: unknown) => Promise<unknown>;

/** A well-formed Result: `{ok:true, value}` or `{ok:false, error:{code, message}}` with string code and message. */
function isResponse(answer: unknown): boolean {
  if (typeof answer !== 'object' || answer === null) return false;
  const { ok, value, error } = answer as { ok?: unknown; value?: unknown; error?: unknown };
  if (ok === true) return 'value' in answer || value !== undefined;
  if (ok !== false || typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string';
}

/**
 * A typed request function over any transport. A transport failure (the
 * background unreachable, an answer of the wrong shape) becomes an `internal`
 * failure, so callers handle exactly one kind of result.
 */
export function createClient(send: SendMessage) {
  return async function request<T extends RequestType>(type: T, payload: Payload<T>): Promise<Response<T>> {
    try {
      const answer = await send({ type, payload });
      if (isResponse(answer)) return answer as Response<T>;
      return { ok: false, error: { code: 'internal' satisfies ErrorCode, message: 'The background sent no usable answer.' } };
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
    }
  };
}

export type RequestFunction = ReturnType<typeof createClient>;
