import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * The English and Japanese message catalogues (Chrome/Firefox _locales format),
 * checked against each other and against the keys the UI code uses. Keys are
 * found by parsing the sources with the TypeScript compiler, not by regex, so
 * `t(cond ? 'a' : 'b')` and typed key tables are covered too.
 */

const ROOT = join(import.meta.dirname, '../../..');
const LOCALES = ['en', 'ja'] as const;
type Locale = (typeof LOCALES)[number];

interface Entry {
  message: string;
  description?: string;
  placeholders?: unknown;
}

const catalogues: Record<Locale, Record<string, Entry>> = {
  en: JSON.parse(readFileSync(join(ROOT, 'assets/public/_locales/en/messages.json'), 'utf8')),
  ja: JSON.parse(readFileSync(join(ROOT, 'assets/public/_locales/ja/messages.json'), 'utf8')),
};

/** The positional placeholders ($1…$9) a message uses; `$$` is a literal dollar sign. */
function placeholders(message: string): number[] {
  const found = new Set<number>();
  for (const match of message.replaceAll('$$', '').matchAll(/\$([1-9])/g)) found.add(Number(match[1]));
  return [...found].sort((a, b) => a - b);
}

function sourceFiles(dir: string, extensions: RegExp): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && extensions.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

interface KeyUse {
  key: string;
  where: string;
  /** Substitutions passed, when the call shows how many (a literal array or one string); otherwise null. */
  substitutions: number | null;
}

/** String literals an expression can evaluate to (through ?:, ??, ||, parentheses and `as`). */
function literalsOf(node: ts.Expression): string[] | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) return literalsOf(node.expression);
  if (ts.isConditionalExpression(node)) {
    const a = literalsOf(node.whenTrue);
    const b = literalsOf(node.whenFalse);
    return a && b ? [...a, ...b] : null;
  }
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind)) {
    // `table[x] ?? 'fallback'`: the fallback is a key; the left side is a typed table, scanned on its own.
    return literalsOf(node.right);
  }
  return null;
}

function substitutionCount(node: ts.Expression | undefined): number | null {
  if (!node) return 0;
  if (ts.isArrayLiteralExpression(node)) return node.elements.some(ts.isSpreadElement) ? null : node.elements.length;
  if (ts.isStringLiteral(node) || ts.isTemplateExpression(node) || ts.isNoSubstitutionTemplateLiteral(node)) return 1;
  return null;
}

/** Every key used in the UI: t('…') calls and the string values of tables typed with MessageKey. */
function keyUses(): { uses: KeyUse[]; dynamicCalls: string[] } {
  const uses: KeyUse[] = [];
  const dynamicCalls: string[] = [];
  for (const file of [...sourceFiles('components', /\.tsx?$/), ...sourceFiles('entrypoints', /\.tsx?$/)]) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const where = (node: ts.Node) => `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

    /** In a table typed with MessageKey, which property values are keys: all of them, or the named ones. */
    const keyProperties = (type: ts.TypeNode): 'all' | Set<string> => {
      const text = type.getText(source).replace(/\s+/g, '');
      if (/^(readonly)?MessageKey(\[\])?$|^Record<[^,]+,MessageKey>$/.test(text)) return 'all';
      const names = new Set<string>();
      const find = (node: ts.Node): void => {
        if (ts.isPropertySignature(node) && node.type?.getText(source) === 'MessageKey') names.add(node.name.getText(source));
        ts.forEachChild(node, find);
      };
      find(type);
      return names;
    };

    const collectTable = (node: ts.Node, keys: 'all' | Set<string>): void => {
      if (ts.isPropertyAssignment(node)) {
        const name = ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : '';
        if (keys !== 'all' && keys.has(name)) collectTable(node.initializer, 'all');
        else if (keys === 'all' || !ts.isStringLiteral(node.initializer)) collectTable(node.initializer, keys);
        return;
      }
      if (ts.isStringLiteral(node)) {
        if (keys === 'all') uses.push({ key: node.text, where: where(node), substitutions: null });
        return;
      }
      ts.forEachChild(node, (child) => collectTable(child, keys));
    };

    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't' && node.arguments[0]) {
        const keys = literalsOf(node.arguments[0]);
        if (keys) for (const key of keys) uses.push({ key, where: where(node), substitutions: substitutionCount(node.arguments[1]) });
        else dynamicCalls.push(where(node));
      }
      // tn('key', count, [...]): a counted message, stored as key_one and key_other.
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'tn' && node.arguments[0]) {
        const keys = literalsOf(node.arguments[0]);
        const substitutions = substitutionCount(node.arguments[2]);
        if (keys) for (const key of keys) for (const form of ['one', 'other']) uses.push({ key: `${key}_${form}`, where: where(node), substitutions });
        else dynamicCalls.push(where(node));
      }
      if (ts.isVariableDeclaration(node) && node.type && node.initializer) {
        const keys = keyProperties(node.type);
        if (keys === 'all' || keys.size > 0) collectTable(node.initializer, keys);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { uses, dynamicCalls };
}

/** `__MSG_key__` references in the manifest config and the HTML pages. */
function manifestKeys(): KeyUse[] {
  const files = [join(ROOT, 'wxt.config.ts'), ...sourceFiles('entrypoints', /\.html$/)];
  return files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/__MSG_(\w+)__/g)].map((match) => ({ key: match[1] as string, where: relative(ROOT, file), substitutions: 0 })),
  );
}

describe('message catalogues', () => {
  it('have exactly the same keys in English and Japanese', () => {
    const en = Object.keys(catalogues.en).sort();
    const ja = Object.keys(catalogues.ja).sort();
    expect({ missingInJa: en.filter((k) => !(k in catalogues.ja)), missingInEn: ja.filter((k) => !(k in catalogues.en)) }).toEqual({
      missingInJa: [],
      missingInEn: [],
    });
    expect(en.length).toBeGreaterThan(0);
  });

  it.each(LOCALES)('%s: every entry is { message, description? } with a non-empty message', (locale) => {
    const bad = Object.entries(catalogues[locale]).filter(
      ([, entry]) =>
        typeof entry !== 'object' ||
        entry === null ||
        typeof entry.message !== 'string' ||
        entry.message.trim() === '' ||
        (entry.description !== undefined && typeof entry.description !== 'string') ||
        Object.keys(entry).some((k) => !['message', 'description', 'placeholders'].includes(k)),
    );
    expect(bad.map(([key]) => key)).toEqual([]);
  });

  it('use the same positional placeholders in both languages', () => {
    const differ = Object.keys(catalogues.en)
      .filter((key) => key in catalogues.ja)
      .map((key) => ({ key, en: placeholders(catalogues.en[key]?.message ?? ''), ja: placeholders(catalogues.ja[key]?.message ?? '') }))
      .filter(({ en, ja }) => en.join() !== ja.join());
    expect(differ).toEqual([]);
  });

  it.each(LOCALES)('%s: placeholders are numbered from 1 without gaps', (locale) => {
    const gaps = Object.entries(catalogues[locale])
      .map(([key, entry]) => ({ key, used: placeholders(entry.message) }))
      .filter(({ used }) => used.some((n, i) => n !== i + 1));
    expect(gaps).toEqual([]);
  });

  it.each(LOCALES)("%s: keys follow Chrome's rule ([A-Za-z0-9_], no reserved @@ names) and are unique ignoring case", (locale) => {
    const keys = Object.keys(catalogues[locale]);
    expect(keys.filter((key) => !/^[A-Za-z0-9_]+$/.test(key))).toEqual([]);
    // Chrome looks keys up case-insensitively: two keys differing only in case would collide.
    const folded = keys.map((key) => key.toLowerCase());
    expect(folded.filter((key, i) => folded.indexOf(key) !== i)).toEqual([]);
  });
});

describe('keys used in the code', () => {
  const { uses, dynamicCalls } = keyUses();

  it('are found (the scan sees the UI)', () => {
    expect(uses.length).toBeGreaterThan(50);
    // Dynamic calls go through MessageKey-typed tables, which the scan reads instead.
    expect(dynamicCalls.length).toBeLessThan(uses.length);
  });

  it.each(LOCALES)('all exist in the %s catalogue', (locale) => {
    const missing = [...uses, ...manifestKeys()].filter(({ key }) => !(key in catalogues[locale])).map(({ key, where }) => `${key} (${where})`);
    expect(missing).toEqual([]);
  });

  it('pass as many substitutions as the message has placeholders', () => {
    const wrong = uses
      .filter((use) => use.substitutions !== null && use.key in catalogues.en)
      .map((use) => ({ ...use, placeholders: placeholders(catalogues.en[use.key]?.message ?? '').length }))
      .filter((use) => use.placeholders !== use.substitutions)
      .map(({ key, where, substitutions, placeholders: count }) => `${key} (${where}): ${substitutions} given, ${count} expected`);
    expect(wrong).toEqual([]);
  });

  it('include the manifest names', () => {
    expect(manifestKeys().map((use) => use.key)).toEqual(expect.arrayContaining(['extName', 'extDescription']));
  });
});
