import type { z } from 'zod';
import type { ErrorCode } from './failure';

/** A response type carried by a definition for the compiler only: nothing exists at run time. */
export interface Answer<Value> {
  readonly type?: () => Value;
}

/** Names the response type of a request: `response: answer<VaultStatus>()`. */
export const answer = <Value>(): Answer<Value> => ({});

/**
 * Everything about one request, in one place: the payload's schema (the
 * background parses every payload with it before a handler runs), the response
 * type, whether it counts as the user doing something, and the errors it may
 * fail with. The handler map and the page client are typed from it.
 */
export interface RequestDefinition<Schema extends z.ZodType = z.ZodType, Value = unknown, Errors extends ErrorCode = ErrorCode> {
  payload: Schema;
  response: Answer<Value>;
  /**
   * True when the request is not the user using the extension (a status read, a
   * page refreshing itself): it must not postpone the automatic lock.
   */
  passive: boolean;
  /** The failures its handler may produce besides the common ones (failure.ts); any other becomes `internal`. */
  errors: readonly Errors[];
}

/** A request definition, with its error codes kept as literal types. */
export function defineRequest<Schema extends z.ZodType, Value, const Errors extends ErrorCode = never>(definition: {
  payload: Schema;
  response: Answer<Value>;
  passive?: boolean;
  errors: readonly Errors[];
}): RequestDefinition<Schema, Value, Errors> {
  return { ...definition, passive: definition.passive ?? false };
}
