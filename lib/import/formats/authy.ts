import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { EntryCollector, entryLabel } from '../entries';
import { DamagedFileError, ImportLimitError, UnsupportedFormatError } from '../errors';
import { asEntryObject, entryArray, isObject, optNumber, optText, parseJson, text, type JsonObject } from '../json';
import type { ImportResult } from '../result';

/* Authy's Android token file from a rooted device (docs/import-export-formats.md#authy). */

const TOKENS_KEY = 'com.authy.storage.tokens.authenticator.key';
/** Android shared preferences nest two levels; anything far deeper is not one. */
const MAX_XML_DEPTH = 16;
/** Authy token files are a few KiB. */
const MAX_XML_LENGTH = 2 * 1024 * 1024;

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

interface PreferenceString {
  name: string;
  value: string;
}

/** The `<string name="…">` values of an Android shared-preferences file. */
function preferenceStrings(xml: string): PreferenceString[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    // Never in Android preferences; refusing it rules out entity-expansion attacks.
    throw new UnsupportedFormatError('This XML file declares a DOCTYPE, which Authy token files never do.');
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
  if (!isObject(map)) throw new UnsupportedFormatError('This XML file is not an Android preferences file (<map> is missing), so not an Authy token file.');
  const strings = Array.isArray(map.string) ? map.string : [];
  return strings.flatMap((entry: unknown) => {
    if (!isObject(entry) || typeof entry['@_name'] !== 'string') return [];
    const value = entry['#text'];
    return [{ name: entry['@_name'], value: typeof value === 'string' ? value : '' }];
  });
}

/** Issuer and account name from Authy's `originalIssuer`, `originalName` ("Issuer:name") and `name`. */
function names(token: JsonObject): { issuer: string; accountName: string } {
  const originalIssuer = optText(token, 'originalIssuer')?.trim() ?? '';
  const originalName = optText(token, 'originalName') ?? '';
  const name = optText(token, 'name') ?? '';
  const colon = originalName.indexOf(':');
  if (colon >= 0) {
    return { issuer: originalIssuer || originalName.slice(0, colon), accountName: originalName.slice(colon + 1) };
  }
  const dash = name.indexOf(' - ');
  if (originalIssuer === '' && dash >= 0) return { issuer: name.slice(0, dash), accountName: name.slice(dash + 3) };
  return { issuer: originalIssuer, accountName: originalName || name };
}

/** Reads Authy's `com.authy.storage.tokens.authenticator.xml`. */
export function parseAuthy(xml: string): ImportResult {
  if (xml.length > MAX_XML_LENGTH) throw new ImportLimitError(`The XML file is larger than ${MAX_XML_LENGTH / 1024 / 1024} MiB; Authy token files are a few KiB.`);
  const tokens = preferenceStrings(xml).find((entry) => entry.name === TOKENS_KEY);
  if (tokens === undefined) {
    throw new UnsupportedFormatError(`This Android preferences file has no "${TOKENS_KEY}" entry, so it is not Authy's token file.`);
  }
  const collector = new EntryCollector();
  entryArray(parseJson(tokens.value, 'Authy token list'), 'Authy token list').forEach((value, i) => {
    const raw = isObject(value) ? value : {};
    collector.add(entryLabel('', raw.name ?? raw.originalName, `token ${i + 1}`), () => {
      const token = asEntryObject(value);
      const { issuer, accountName } = names(token);
      // Authy keeps neither algorithm nor period for authenticator tokens: always SHA1 and 30 s.
      return { type: 'totp', issuer, accountName, secret: text(token, 'decryptedSecret'), digits: optNumber(token, 'digits'), algorithm: 'SHA1', period: 30 };
    });
  });
  return { format: 'authy', encrypted: false, ...collector.result() };
}
