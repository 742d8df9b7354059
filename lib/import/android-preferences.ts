import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DamagedFileError, ImportLimitError, UnsupportedFormatError } from './errors';
import { isObject } from './json';

/*
 * Android shared-preferences files (`<map><string name="…">…</string>…</map>`), the
 * form of every rooted-device export we read (Authy, FreeOTP, Battle.net).
 */

/** Android shared preferences nest two levels; anything far deeper is not one. */
const MAX_XML_DEPTH = 16;
/** Preference files of authenticators are a few KiB. */
export const MAX_PREFERENCES_LENGTH = 2 * 1024 * 1024;

export function looksLikeXml(text: string): boolean {
  return text.trimStart().startsWith('<');
}

/** Deepest element nesting, counted by scanning tags (no parsing; linear: each tag is passed once). */
function xmlDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let open = text.indexOf('<'); open >= 0; open = text.indexOf('<', open + 1)) {
    const close = text.indexOf('>', open);
    if (close < 0) break;
    const tag = text.slice(open + 1, close);
    if (tag.startsWith('/')) depth--;
    else if (!tag.startsWith('?') && !tag.startsWith('!') && !tag.endsWith('/')) {
      depth++;
      if (depth > max) max = depth;
    }
    open = close;
  }
  return max;
}

/** The `<string name="…">` values of a preferences file, by name (the first of a repeated name wins). */
export type Preferences = ReadonlyMap<string, string>;

/**
 * Parses an Android shared-preferences file. Throws UnsupportedFormatError when the XML
 * is not one, DamagedFileError when it is malformed, ImportLimitError when it is huge.
 */
export function readPreferences(xml: string): Preferences {
  if (xml.length > MAX_PREFERENCES_LENGTH) {
    throw new ImportLimitError(`The XML file is larger than ${MAX_PREFERENCES_LENGTH / 1024 / 1024} MiB; exports in XML are a few KiB.`);
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    // Never in Android preferences; refusing it rules out entity-expansion attacks.
    throw new UnsupportedFormatError('This XML file declares a DOCTYPE, which no export we know does.');
  }
  if (xmlDepth(xml) > MAX_XML_DEPTH) throw new ImportLimitError(`The XML file nests more than ${MAX_XML_DEPTH} elements deep.`);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new DamagedFileError(`The XML file is malformed: ${valid.err.msg} (line ${valid.err.line}).`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: false,
    isArray: (name) => name === 'string',
  });
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch (cause) {
    // The validator lets through some input the parser then rejects (e.g. an unclosed <?xml …?>).
    throw new DamagedFileError(`The XML file is malformed: ${(cause as Error).message}`, { cause });
  }
  const map = isObject(doc) ? doc.map : undefined;
  if (!isObject(map)) {
    throw new UnsupportedFormatError('This XML file is not an export we know: it is not an Android preferences file (<map> is missing).');
  }
  const strings = Array.isArray(map.string) ? map.string : [];
  const preferences = new Map<string, string>();
  for (const entry of strings) {
    if (!isObject(entry) || typeof entry['@_name'] !== 'string' || preferences.has(entry['@_name'])) continue;
    const value = entry['#text'];
    preferences.set(entry['@_name'], typeof value === 'string' ? value : '');
  }
  return preferences;
}

/** "the keys "a", "b", …" of a preferences file, for messages naming what was seen. */
export function describeKeys(preferences: Preferences): string {
  const names = [...preferences.keys()].slice(0, 6).map((name) => JSON.stringify(name.slice(0, 50)));
  return names.length === 0 ? 'no string values' : `the string values ${names.join(', ')}`;
}
