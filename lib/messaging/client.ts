import type { Payload, RequestType, Response } from './protocol';
import { DEFAULT_RESEND, resendingUndelivered, type ResendPolicy } from './resend';

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
 * Sent by a page while one of its requests is still unanswered; the background
 * ignores it (a message with a `target` is for another document). Why: Firefox
 * suspends an idle event page even while it owes an answer to runtime.onMessage,
 * and the page then gets "Something went wrong" for work that may have been done
 * (seen with vault.rekey: a backup pass and two Argon2 runs outlast the idle
 * timeout). Each message delivered resets that timeout; an open port does not.
 */
export const KEEP_ALIVE_MESSAGE = { target: 'background-keep-alive' } as const;

/** Well under Firefox's idle timeout (30 s; 2 s in the e2e tests). */
export const KEEP_ALIVE_EVERY_MS = 500;

export interface ClientOptions {
  /** Called every {@link KEEP_ALIVE_EVERY_MS} while a request is unanswered (sends {@link KEEP_ALIVE_MESSAGE}). */
  keepAlive?: () => void;
  /** When and how a message that was never delivered is sent again (lib/messaging/resend.ts). */
  resend?: ResendPolicy;
}

/**
 * A typed request function over any transport. A message the background provably
 * never received (it was being suspended) is sent again (lib/messaging/resend.ts);
 * any other transport failure (the background unreachable, an answer of the wrong
 * shape) becomes an `internal` failure, so callers handle exactly one kind of result.
 */
export function createClient(send: SendMessage, options: ClientOptions = {}) {
  const deliver = resendingUndelivered(send, options.resend ?? DEFAULT_RESEND);
  return async function request<T extends RequestType>(type: T, payload: Payload<T>): Promise<Response<T>> {
    const beat = options.keepAlive ? setInterval(options.keepAlive, KEEP_ALIVE_EVERY_MS) : null;
    try {
      const answer = await deliver({ type, payload });
      if (isResponse<T>(answer)) return answer;
      return { ok: false, error: { code: 'internal', message: 'The background sent no usable answer.' } };
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
    } finally {
      if (beat !== null) clearInterval(beat);
    }
  };
}

export type RequestFunction = ReturnType<typeof createClient>;
