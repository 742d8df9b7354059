import type { Payload, RequestType, Response } from './protocol';

/** Sends one message to the background and resolves with its answer (runtime.sendMessage). */
export type SendMessage = (message: unknown) => Promise<unknown>;

/**
 * A well-formed Result: `{ok:true, value}` or `{ok:false, error:{code, message}}`
 * with string code and message. The background is trusted to answer each request
 * with its own response type; this checks only that an answer came from it.
 */
function isResponse<T extends RequestType>(answer: unknown): answer is Response<T> {
  if (typeof answer !== 'object' || answer === null) return false;
  if (!('ok' in answer)) return false;
  if (answer.ok === true) return 'value' in answer;
  if (answer.ok !== false || !('error' in answer) || typeof answer.error !== 'object' || answer.error === null) return false;
  const { error } = answer;
  return 'code' in error && typeof error.code === 'string' && 'message' in error && typeof error.message === 'string';
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
      if (isResponse<T>(answer)) return answer;
      return { ok: false, error: { code: 'internal', message: 'The background sent no usable answer.' } };
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
    }
  };
}

export type RequestFunction = ReturnType<typeof createClient>;
