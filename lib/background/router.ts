import { PAYLOAD_SCHEMAS } from '../messaging/schemas';
import type { ErrorCode, RequestType, Response } from '../messaging/protocol';
import { fail, ok } from '../result';
import { errorToFailure } from './error-to-failure';
import type { HandlerMap } from './core';
import { isExtensionPage, type BackgroundPorts, type ExtensionIdentity, type SenderInfo } from './core';
import { endSession, touchSession } from './vault';
import { VaultKeyMismatchError } from '../vault';

const isRequestType = (type: unknown): type is RequestType =>
  typeof type === 'string' && Object.prototype.hasOwnProperty.call(PAYLOAD_SCHEMAS, type);

/** Requests that don't count as the user using the extension (they must not postpone the automatic lock). */
// codes.get is the popup's timer refreshing codes: a popup left open is not a person using it.
const PASSIVE: ReadonlySet<RequestType> = new Set(['vault.status', 'vault.lock', 'codes.get']);

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
  if (!isExtensionPage(sender, self)) return fail<ErrorCode>('forbidden-sender', 'Refused: not sent by an extension page.');
  if (typeof message !== 'object' || message === null) return fail<ErrorCode>('bad-request', 'A request must be an object.');
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (!isRequestType(type)) return fail<ErrorCode>('bad-request', `Unknown request type ${JSON.stringify(type)}.`);
  const parsed = PAYLOAD_SCHEMAS[type].safeParse(payload ?? {});
  if (!parsed.success) return fail<ErrorCode>('bad-request', `Invalid payload for ${type}: ${parsed.error.issues[0]?.message ?? ''}`);
  try {
    const handler = handlers[type] as (payload: unknown, ports: BackgroundPorts) => Promise<unknown>;
    const value = await handler(parsed.data, ports);
    if (!PASSIVE.has(type)) await touchSession(ports);
    return ok(value) as Response<RequestType>;
  } catch (error) {
    // The session's key no longer opens the stored vault (it was replaced, e.g. by
    // a restore elsewhere): that session is over; the user unlocks again.
    if (error instanceof VaultKeyMismatchError) await endSession(ports);
    return { ok: false, error: errorToFailure(error) };
  }
}
