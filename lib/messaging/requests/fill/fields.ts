import { z } from 'zod';
import type { ErrorCode } from '../../failure';
import { VAULT_ERRORS } from '../fields';

/** A tab id as the browser numbers tabs. */
export const tabId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** A frame id as the browser numbers frames (0: the top frame). */
export const frameId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Why a page or an account cannot get a code: the failures every fill request shares. */
export const PAGE_ERRORS = [...VAULT_ERRORS, 'fill-page-refused', 'not-found'] as const satisfies readonly ErrorCode[];
