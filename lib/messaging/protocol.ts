import type { z } from 'zod';
import type { Result } from '../result';
import { TEST_HOOKS } from '../build-flags';
import type { RequestDefinition } from './define-request';
import type { CommonError, ProtocolFailure } from './failure';
import { ACCOUNT_REQUESTS } from './requests/accounts';
import { CLIPBOARD_REQUESTS } from './requests/clipboard';
import { CLOUD_REQUESTS } from './requests/cloud';
import { DISPLAY_REQUESTS } from './requests/display';
import { FILL_REQUESTS } from './requests/fill';
import { RECOVERY_REQUESTS } from './requests/recovery';
import { SCAN_REQUESTS } from './requests/scan';
import { testClockRequests, type TestClockRequests } from './requests/test-clock';
import { TRANSFER_REQUESTS } from './requests/transfer';
import { VAULT_REQUESTS } from './requests/vault';

/*
 * The one message protocol between the extension's pages and its background.
 * Every request is `{ type, payload }`; every response is a Result. Each request
 * is defined once, in ./requests/ (payload schema, response type, passive or not,
 * its errors); the background's handler map (lib/background/handlers.ts) and the
 * page client (./client.ts) are typed from these definitions.
 *
 * Secrets never appear in a response: pages get account views and codes, the
 * background keeps the secrets. Time never comes from a page: codes are for the
 * background's own clock (a page asking for a later time would get future codes).
 */

export * from './views';
export * from './failure';
export type { AccountEdit, DraftInput } from './requests/accounts';
export type { ExportFileFormat, ImportSource } from './requests/transfer';

const PRODUCT_REQUESTS = {
  ...VAULT_REQUESTS,
  ...ACCOUNT_REQUESTS,
  ...CLIPBOARD_REQUESTS,
  ...SCAN_REQUESTS,
  ...TRANSFER_REQUESTS,
  ...CLOUD_REQUESTS,
  ...RECOVERY_REQUESTS,
  ...FILL_REQUESTS,
  ...DISPLAY_REQUESTS,
};

type Definitions = typeof PRODUCT_REQUESTS & TestClockRequests;

/**
 * Every request, by type. The test clock exists in test builds only: in a
 * production build the table lacks it, so the router answers it as an unknown
 * request (its types stay, for the testing kit to name it).
 */
export const REQUESTS: Definitions = { ...PRODUCT_REQUESTS, ...(TEST_HOOKS ? testClockRequests() : ({} as TestClockRequests)) };
export type RequestType = keyof Definitions;

/** What a page sends with a request. */
export type Payload<T extends RequestType> = z.input<Definitions[T]['payload']>;
/** What the handler receives: the payload after its schema parsed it. */
export type ParsedPayload<T extends RequestType> = z.output<Definitions[T]['payload']>;
export type ResponseValue<T extends RequestType> = ReturnType<NonNullable<Definitions[T]['response']['type']>>;
/** The codes a request's own definition says it may fail with. */
export type DeclaredError<T extends RequestType> = Definitions[T]['errors'][number];
/** The codes a request may fail with: its own and the common ones. */
export type RequestError<T extends RequestType> = DeclaredError<T> | CommonError;
/** The failures a page may receive for a request (typed fields per code). */
export type RequestFailure<T extends RequestType> = ProtocolFailure<DeclaredError<T>> | ProtocolFailure<CommonError>;

export type Response<T extends RequestType> = Result<ResponseValue<T>, RequestFailure<T>>;

export interface Request<T extends RequestType = RequestType> {
  type: T;
  payload: Payload<T>;
}

/**
 * The definitions seen one request type at a time, so code generic in the type
 * (the router) gets the schema, handler and response of that same type.
 */
export type RequestTable = {
  [T in RequestType]: RequestDefinition<z.ZodType<ParsedPayload<T>>, ResponseValue<T>, DeclaredError<T>>;
};
export const REQUEST_TABLE: RequestTable = REQUESTS;

export const isRequestType = (type: unknown): type is RequestType =>
  typeof type === 'string' && Object.prototype.hasOwnProperty.call(REQUESTS, type);
