import type { Preferences } from '../android-preferences';
import { DamagedFileError } from '../errors';
import { jsonDepth } from '../json';
import { IMPORT_LIMITS } from '../limits';
import type { ImportResult } from '../result';
import { parseFreeOtpPlus } from './freeotp-plus';

/* FreeOTP's original `tokens.xml` from a rooted device (docs/import-export-formats.md#freeotp-original-tokensxml). */

const ORDER_KEY = 'tokenOrder';

/** A token value: a JSON object with a byte-array secret. */
const looksLikeToken = (value: string): boolean => value.trimStart().startsWith('{') && value.includes('"secret"');

/** A preferences file with FreeOTP's `tokenOrder` or its token values. */
export function isFreeOtpPreferences(preferences: Preferences): boolean {
  return preferences.has(ORDER_KEY) || [...preferences.values()].some(looksLikeToken);
}

/** A value's JSON, or the raw text when it is not JSON (that entry is then skipped as not an entry). */
function parseValue(value: string): unknown {
  if (jsonDepth(value) > IMPORT_LIMITS.maxJsonDepth) return value;
  try {
    return JSON.parse(value);
  } catch {
    // One damaged token must not sink the file: it becomes a skipped entry.
    return value;
  }
}

/** Reads FreeOTP's `tokens.xml` (its parsed preferences). */
export function parseFreeOtpTokens(preferences: Preferences): ImportResult {
  const tokens = [...preferences].filter(([name]) => name !== ORDER_KEY).map(([, value]) => parseValue(value));
  const order = preferences.has(ORDER_KEY) ? parseValue(preferences.get(ORDER_KEY) ?? '') : undefined;
  if (order !== undefined && !Array.isArray(order)) throw new DamagedFileError('The FreeOTP "tokenOrder" is not a JSON list.');
  return parseFreeOtpPlus({ tokens, ...(order === undefined ? {} : { tokenOrder: order }) }, 'freeotp');
}
