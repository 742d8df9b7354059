/*
 * Finds secrets and account names in stored or uploaded data *as they would
 * appear if they leaked*, never as short substrings of random data.
 *
 * Why: ciphertext is random base64, and any short word ("bob", "Bank") turns up
 * in it by chance (CI failed on exactly that). A leak instead looks like one of:
 *   - a string whose whole value is the name (an `issuer` field in the clear);
 *   - the name as a token in clear text (`issuer=Bank`, `Bank:bob`), bounded by
 *     characters that never occur inside base64, base64url or hex, or percent-encoded;
 *   - the name JSON-quoted (`"Bank"`, also `\u`-escaped) in a JSON text, or in the
 *     bytes of a decoded base64 value (plaintext merely encoded, not encrypted);
 *   - a secret (16+ base32 characters: chance in random data ~ 2^-80) anywhere,
 *     including decoded base64.
 * JSON texts nested in strings are parsed and walked too.
 */

export interface ClearValues {
  /** Base32 OTP secrets, each at least 10 characters (chance in random base64 below 2^-60 per position). */
  secrets: readonly string[];
  /** Issuers and account names, any length. */
  names: readonly string[];
}

const MIN_SECRET_LENGTH = 10;
/** Characters that appear inside base64, base64url and hex: a name next to one of them is not a token. */
const TOKEN_CHAR = 'A-Za-z0-9+/=_\\-';
const BASE64 = /^(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const MIN_BASE64_LENGTH = 16;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const asciiEscaped = (s: string) => JSON.stringify(s).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function quotedForms(name: string): string[] {
  const quoted = JSON.stringify(name);
  return [...new Set([quoted, asciiEscaped(name), asciiEscaped(name).toUpperCase().replace('\\U', '\\u')])];
}

function decodeBase64(s: string): string | null {
  if (s.length < MIN_BASE64_LENGTH || !BASE64.test(s)) return null;
  return Buffer.from(s, 'base64').toString('utf8');
}

/** Every place a clear value shows up, as `path: what`; empty when nothing leaked. */
export function findLeaks(data: unknown, clear: ClearValues): string[] {
  for (const secret of clear.secrets) {
    if (secret.length < MIN_SECRET_LENGTH) throw new Error(`secret "${secret}" is too short to look for in random data`);
  }
  const tokens = clear.names.map((name) => ({
    name,
    token: new RegExp(`(?:^|[^${TOKEN_CHAR}])${escapeRegExp(name)}(?:$|[^${TOKEN_CHAR}])`),
    // Percent-encoded (only when that differs): '%' never occurs in base64 or hex.
    uriEncoded: encodeURIComponent(name) === name ? null : encodeURIComponent(name),
    quoted: quotedForms(name),
  }));
  const found: string[] = [];

  const inText = (text: string, where: string) => {
    for (const secret of clear.secrets) if (text.includes(secret)) found.push(`${where}: secret ${secret}`);
    for (const t of tokens) {
      if (text === t.name || t.token.test(text) || (t.uriEncoded !== null && text.includes(t.uriEncoded)) || t.quoted.some((q) => text.includes(q))) found.push(`${where}: name ${t.name}`);
    }
  };
  const inDecodedBytes = (text: string, where: string) => {
    for (const secret of clear.secrets) if (text.includes(secret)) found.push(`${where} (base64-decoded): secret ${secret}`);
    for (const t of tokens) if (t.quoted.some((q) => text.includes(q))) found.push(`${where} (base64-decoded): name ${t.name}`);
  };

  const walk = (value: unknown, where: string): void => {
    if (typeof value === 'string') {
      const decoded = decodeBase64(value);
      if (decoded !== null) {
        // Random bytes: only the long forms (quoted names, secrets) are meaningful.
        inDecodedBytes(decoded, where);
        for (const t of tokens) if (value === t.name) found.push(`${where}: name ${t.name}`);
        for (const secret of clear.secrets) if (value.includes(secret)) found.push(`${where}: secret ${secret}`);
        return;
      }
      inText(value, where);
      const trimmed = value.trim();
      if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        try {
          walk(JSON.parse(trimmed), `${where}(json)`);
        } catch {
          // Not JSON: already searched as text.
        }
      }
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${where}[${i}]`));
      return;
    }
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        inText(k, `${where}.<key ${k}>`);
        walk(v, `${where}.${k}`);
      }
    }
  };
  walk(data, '$');
  return [...new Set(found)];
}
