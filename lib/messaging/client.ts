import type { ErrorCode, Payload, RequestType, Response } from './protocol';

/** Sends one message to the background and resolves with its answer (runtime.sendMessage). */
export type SendMessage = (message: unknown) => Promise<unknown>;

/**
 * A typed request function over any transport. A transport failure (the
 * background unreachable, an answer of the wrong shape) becomes an `internal`
 * failure, so callers handle exactly one kind of result.
 */
export function createClient(send: SendMessage) {
  return async function request<T extends RequestType>(type: T, payload: Payload<T>): Promise<Response<T>> {
    try {
      const answer = await send({ type, payload });
      if (typeof answer === 'object' && answer !== null && 'ok' in answer) return answer as Response<T>;
      return { ok: false, error: { code: 'internal' satisfies ErrorCode, message: 'The background sent no answer.' } };
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
    }
  };
}

export type RequestFunction = ReturnType<typeof createClient>;
