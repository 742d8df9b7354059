import { z } from 'zod';
import { TEXT_LIMITS } from '../../scan/scan-limits';
import type { ScanAddResult, ScanView } from '../../scan/scan-view';
import { answer, defineRequest } from '../define-request';
import { empty, VAULT_ERRORS } from './fields';

const tabId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const target = z.union([z.object({ tabId }).strict(), z.object({ image: z.literal(true) }).strict()]);

/**
 * QR capture (docs/page-scanning.md): found codes are shown without secrets;
 * "Add" adds the background's own copy.
 */
export const SCAN_REQUESTS = {
  'scan.tab': defineRequest({
    payload: z.object({ tabId }).strict(),
    response: answer<ScanView>(),
    errors: [...VAULT_ERRORS, 'scan-not-allowed', 'permission-required'],
  }),
  'scan.found': defineRequest({ payload: z.object({ tabId }).strict(), response: answer<ScanView | null>(), passive: true, errors: VAULT_ERRORS }),
  'scan.texts': defineRequest({
    payload: z.object({ texts: z.array(z.string().max(TEXT_LIMITS.maxTextChars)).max(TEXT_LIMITS.maxTexts) }).strict(),
    response: answer<ScanView>(),
    errors: VAULT_ERRORS,
  }),
  'scan.add': defineRequest({
    payload: z.object({ target, keys: z.array(z.string().min(1).max(64)).min(1).max(1000) }).strict(),
    response: answer<ScanAddResult>(),
    errors: [...VAULT_ERRORS, 'invalid-account', 'duplicate-account', 'not-found'],
  }),
  'scan.dismiss': defineRequest({ payload: z.object({ target }).strict(), response: answer<null>(), errors: [] }),
  'scan.auto-detect.get': defineRequest({ payload: empty, response: answer<{ enabled: boolean }>(), passive: true, errors: [] }),
  'scan.auto-detect.set': defineRequest({
    payload: z.object({ enabled: z.boolean() }).strict(),
    response: answer<{ enabled: boolean }>(),
    errors: ['permission-required'],
  }),
};
