import type { ParsedPayload, RequestType, ResponseValue } from '../../messaging/protocol';
import type { BackgroundPorts } from './ports';

/** Handles one request type; throws typed errors, which the router turns into failures. */
export type Handler<T extends RequestType> = (payload: ParsedPayload<T>, ports: BackgroundPorts) => Promise<ResponseValue<T>>;

/** A handler for every request type — the compiler checks none is missing. */
export type HandlerMap = { [T in RequestType]: Handler<T> };

/** The handlers of one feature: one for each request of its definitions (lib/messaging/requests/). */
export type HandlersFor<Definitions> = { [T in keyof Definitions & RequestType]: Handler<T> };
