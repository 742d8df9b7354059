import { COMMON_ERRORS, isFailureOf, type ProtocolFailure } from '../messaging/failure';
import { isRequestType, REQUEST_TABLE, type RequestFailure, type RequestType, type Response } from '../messaging/protocol';
import { VaultKeyMismatchError } from '../vault';
import { isExtensionPage, type BackgroundPorts, type ExtensionIdentity, type HandlerMap, type SenderInfo } from './core';
import { errorToFailure } from './error-to-failure';
import { endSession, touchSession } from './vault';

/** The failure as the request's definition declares it; an undeclared one is a bug of ours: `internal`. */
function declaredFailure<T extends RequestType>(type: T, failure: ProtocolFailure): RequestFailure<T> {
  if (isFailureOf(failure, REQUEST_TABLE[type].errors) || isFailureOf(failure, COMMON_ERRORS)) return failure;
  console.error(`${type} failed with ${failure.code}, which its definition does not declare.`);
  return { code: 'internal', message: 'Something went wrong in the extension.' };
}

/** Runs one well-formed request of type `T`: its schema, its handler, its session rule. */
async function dispatch<T extends RequestType>(type: T, payload: unknown, ports: BackgroundPorts, handlers: HandlerMap): Promise<Response<T>> {
  const definition = REQUEST_TABLE[type];
  const parsed = definition.payload.safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'bad-request', message: `Invalid payload for ${type}: ${parsed.error.issues[0]?.message ?? ''}` } };
  try {
    const value = await handlers[type](parsed.data, ports);
    if (!definition.passive) await touchSession(ports);
    return { ok: true, value };
  } catch (error) {
    // The session's key no longer opens the stored vault (it was replaced, e.g. by
    // a restore elsewhere): that session is over; the user unlocks again.
    if (error instanceof VaultKeyMismatchError) await endSession(ports);
    return { ok: false, error: declaredFailure(type, errorToFailure(error)) };
  }
}

/**
 * Answers one message: checks the sender, the request type and its payload,
 * runs the handler, and turns any error into a typed failure.
 */
export async function route(
  message: unknown,
  sender: SenderInfo,
  self: ExtensionIdentity,
  ports: BackgroundPorts,
  handlers: HandlerMap,
): Promise<Response<RequestType>> {
  if (!isExtensionPage(sender, self)) return { ok: false, error: { code: 'forbidden-sender', message: 'Refused: not sent by an extension page.' } };
  if (typeof message !== 'object' || message === null) return { ok: false, error: { code: 'bad-request', message: 'A request must be an object.' } };
  const type = 'type' in message ? message.type : undefined;
  if (!isRequestType(type)) return { ok: false, error: { code: 'bad-request', message: `Unknown request type ${JSON.stringify(type)}.` } };
  return dispatch(type, 'payload' in message ? message.payload : undefined, ports, handlers);
}
