import { DamagedFileError, ImportLimitError } from './errors';
import { EntryProblem } from './entries';
import { IMPORT_LIMITS } from './limits';

/** A JSON object as parsed from an untrusted file. */
export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Deepest nesting of arrays/objects in JSON text, counted without parsing (strings
 * skipped). Linear; lets us refuse a pathological file before any recursive walk.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c /* \ */) i++;
      else if (ch === 0x22 /* " */) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      depth++;
      if (depth > max) max = depth;
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) depth--;
  }
  return max;
}

/**
 * Parses untrusted JSON. Throws ImportLimitError when nested deeper than
 * {@link IMPORT_LIMITS.maxJsonDepth}, DamagedFileError when it is not JSON.
 * @param what names the document in messages, e.g. "Aegis vault"
 */
export function parseJson(text: string, what: string): unknown {
  if (jsonDepth(text) > IMPORT_LIMITS.maxJsonDepth) {
    throw new ImportLimitError(`The ${what} is nested more than ${IMPORT_LIMITS.maxJsonDepth} levels deep.`);
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new DamagedFileError(`The ${what} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
}

/*
 * Field readers for one entry of an untrusted file: a value of the wrong JSON type
 * skips that entry with a message naming the field, instead of being coerced.
 */

/** A text field; `undefined` when absent or null. */
export function optText(entry: JsonObject, key: string): string | undefined {
  const value = entry[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new EntryProblem('malformed', `The field "${key}" is not text.`);
  return value;
}

export function text(entry: JsonObject, key: string): string {
  const value = optText(entry, key);
  if (value === undefined) throw new EntryProblem('missing-field', `The field "${key}" is missing.`);
  return value;
}

/** A number field; `undefined` when absent or null. Range checks are validateDraft's. */
export function optNumber(entry: JsonObject, key: string): number | undefined {
  const value = entry[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') throw new EntryProblem('malformed', `The field "${key}" is not a number.`);
  return value;
}

export function object(entry: JsonObject, key: string): JsonObject {
  const value = entry[key];
  if (!isObject(value)) throw new EntryProblem('malformed', `The field "${key}" is missing or not an object.`);
  return value;
}

/** An entry of a list must itself be an object. */
export function asEntryObject(value: unknown): JsonObject {
  if (!isObject(value)) throw new EntryProblem('not-an-entry', 'This entry is not an object.');
  return value;
}

/** A top-level array of entries; DamagedFileError when it is something else. */
export function entryArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new DamagedFileError(`The ${what} is missing or not a list.`);
  if (value.length > IMPORT_LIMITS.maxEntries) {
    throw new ImportLimitError(`The file has ${value.length} entries; at most ${IMPORT_LIMITS.maxEntries} are read.`);
  }
  return value;
}
